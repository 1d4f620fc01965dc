import { applyEnv } from './apply-env.ts'
import { loadHandler } from './load-handler.ts'

/**
 * The INIT phase of one execution environment: set the Lambda environment, evaluate the handler
 * module afresh, remember the handler until `reset()`.
 *
 * @example
 * const init = createInitPhase({ url, exportName: 'handler', env, isHandler })
 * const handler = await init.handler() // INIT
 * await init.handler() // same handler, no INIT
 */
export type InitPhase<THandler> = {
  /** The handler, running INIT first if it has not run (or failed, or was reset). */
  handler(): Promise<THandler>
  /** Makes the next `handler()` run INIT again, as Lambda does after a timeout. */
  reset(): void
  /** Removes the environment variables INIT set. */
  restoreEnv(): void
  /** INIT phases started so far. */
  readonly count: number
  /** Wall-clock duration of the last INIT, `undefined` before the first. */
  readonly durationMs: number | undefined
}

/**
 * What an INIT phase loads and the environment it runs in.
 *
 * @example
 * const options: InitPhaseOptions<Handler> = { url, exportName: 'handler', env: { TABLE: 't' }, isHandler }
 */
export type InitPhaseOptions<THandler> = {
  url: URL
  exportName: string
  env: Record<string, string>
  isHandler: (value: unknown) => value is THandler
}

let initSequence = 0

/**
 * Creates the INIT phase of a container. Each INIT imports the module with a new
 * `?sluice-container=<n>` query, unique in this process, so its module scope runs again.
 *
 * @example
 * const init = createInitPhase({ url: moduleUrl('/app/handler.ts'), exportName: 'handler', env: {}, isHandler })
 */
export function createInitPhase<THandler>(options: InitPhaseOptions<THandler>): InitPhase<THandler> {
  let loading: Promise<THandler> | undefined
  let restore: (() => void) | undefined
  let count = 0
  let durationMs: number | undefined

  async function init(): Promise<THandler> {
    restore ??= applyEnv(options.env)
    count += 1
    initSequence += 1
    const began = performance.now()
    try {
      return await loadHandler(
        options.url,
        options.exportName,
        `sluice-container=${initSequence}`,
        options.isHandler,
      )
    } finally {
      durationMs = performance.now() - began
    }
  }

  return {
    handler: function handler() {
      if (loading) return loading
      const current = init()
      loading = current
      current.catch(function retryInitNextTime() {
        if (loading === current) loading = undefined
      })
      return current
    },
    reset: function reset() {
      loading = undefined
    },
    restoreEnv: function restoreEnv() {
      restore?.()
      restore = undefined
    },
    get count() {
      return count
    },
    get durationMs() {
      return durationMs
    },
  }
}
