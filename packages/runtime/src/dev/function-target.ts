import type { InvokeTarget } from '../event-sources/source-types.ts'
import type { InvocationResult, InvokeOptions } from '../invocation.ts'
import type { Runtime } from '../start-runtime.ts'

/** A function's stable {@link InvokeTarget}: sources keep it while reloads swap the runtime behind it. */
export interface FunctionTarget extends InvokeTarget {
  /** The runtime new invocations go to. */
  readonly runtime: Runtime
  /** Invocations in flight now, across the current runtime and the ones being retired. */
  readonly inFlight: number
  /** Sends new invocations to `next`; resolves once the old runtime's in-flight invocations ended and it stopped. */
  replace(next: Runtime): Promise<void>
  /** Stops the current runtime after its in-flight invocations (new ones are refused by the stopped runtime). */
  stop(): Promise<void>
}

/**
 * Wraps `runtime` so that it can be replaced without the sources noticing: each invocation runs on the runtime that
 * was current when it started, and a replaced runtime is stopped only after its last invocation ended.
 * `onResult` sees every result (the Lambda-like lines of `sluice dev`).
 *
 * @example
 * const target = functionTarget(await startRuntime({ handler: 'handler.ts#handler' }))
 * const source = sqsSource({ function: target, name: 'orders' })
 * await target.replace(await startRuntime({ handler: 'handler.ts#handler' })) // after an edit
 */
export function functionTarget(
  runtime: Runtime,
  onResult: (result: InvocationResult) => void = () => {},
): FunctionTarget {
  let current = runtime
  const running = new Map<Runtime, { count: number; drained: Array<() => void> }>()
  const drain = (which: Runtime) =>
    new Promise<void>((resolve) => {
      const entry = running.get(which)
      if (entry === undefined || entry.count === 0) resolve()
      else entry.drained.push(resolve)
    })
  const retire = async (which: Runtime) => {
    await drain(which)
    await which.stop()
  }
  return {
    get runtime() {
      return current
    },
    get config() {
      return current.config
    },
    get inFlight() {
      return [...running.values()].reduce((sum, entry) => sum + entry.count, 0)
    },
    async invoke(event: unknown, options?: InvokeOptions) {
      const which = current
      const entry = running.get(which) ?? { count: 0, drained: [] }
      running.set(which, entry)
      entry.count += 1
      try {
        const result = await which.invoke(event, options)
        onResult(result)
        return result
      } finally {
        entry.count -= 1
        if (entry.count === 0) {
          running.delete(which)
          for (const resolve of entry.drained.splice(0)) resolve()
        }
      }
    },
    replace(next) {
      const old = current
      current = next
      return retire(old)
    },
    stop: () => retire(current),
  }
}
