import { dirname } from 'node:path'
import { errorMessage } from '@sluice/core'
import { SluiceRuntimeError } from '../errors.ts'
import { type Runtime, startRuntime } from '../start-runtime.ts'
import type { FunctionConfig } from './dev-config.ts'
import type { DevLine } from './dev-line.ts'
import { type FunctionTarget, functionTarget } from './function-target.ts'
import { watchDirectory } from './watch-directory.ts'

/**
 * Invocations in flight per function unless the config says otherwise. Lambda scales a function to what its
 * sources send (an SQS mapping runs several batches at once); with one container, batches would wait in line
 * while their visibility timeouts run. Containers start only when needed.
 */
export const DEV_CONCURRENCY = 10

/** A function of `sluice dev`: its stable target, and `stop` for it and its watcher. */
export interface DevFunction {
  readonly target: FunctionTarget
  stop(): Promise<void>
}

/**
 * Starts function `name` and, unless `watch` is false, reloads it when a file in its handler's folder changes:
 * a fresh runtime takes new invocations, the old one stops after its in-flight ones. A runtime that does not
 * start fails with `DEV_CONFIG_INVALID` naming `functions.<name>`; a reload that fails keeps the old code.
 *
 * @example
 * const orders = await startDevFunction('orders', { handler: 'handler.ts#handler' }, { cwd, onLine: console.log })
 * await orders.target.invoke({ Records: [] })
 */
export async function startDevFunction(
  name: string,
  fn: FunctionConfig,
  options: { readonly cwd: string; readonly onLine: (line: DevLine) => void; readonly watch?: boolean },
): Promise<DevFunction> {
  const start = (): Promise<Runtime> =>
    startRuntime({
      handler: fn.handler,
      cwd: options.cwd,
      functionName: name,
      logFormat: 'json',
      ...(fn.memoryMb === undefined ? {} : { memoryMb: fn.memoryMb }),
      ...(fn.timeoutMs === undefined ? {} : { timeoutMs: fn.timeoutMs }),
      ...(fn.env === undefined ? {} : { env: fn.env }),
      concurrency: fn.concurrency ?? DEV_CONCURRENCY,
      ...(fn.maxConcurrency === undefined ? {} : { maxConcurrency: fn.maxConcurrency }),
    })
  let first: Runtime
  try {
    first = await start()
  } catch (error) {
    throw new SluiceRuntimeError('DEV_CONFIG_INVALID', `functions.${name}: ${errorMessage(error)}`, {
      cause: error,
    })
  }
  const target = functionTarget(first, (result) =>
    options.onLine({ kind: 'invocation', function: name, result }),
  )
  let stopped = false
  let reloading = Promise.resolve()
  const reload = async (files: readonly string[]) => {
    try {
      const next = await start()
      if (stopped) return await next.stop()
      const retired = target.replace(next)
      options.onLine({ kind: 'reload', function: name, files })
      await retired
    } catch (error) {
      options.onLine({ kind: 'reload-failed', function: name, message: errorMessage(error) })
    }
  }
  const unwatch =
    options.watch === false
      ? () => {}
      : watchDirectory(dirname(first.handler.file), (files) => {
          // One reload at a time: a second edit waits for the first swap, so runtimes are retired in order.
          reloading = reloading.then(() => reload(files))
        })
  return {
    target,
    async stop() {
      stopped = true
      unwatch()
      await reloading
      await target.stop()
    },
  }
}
