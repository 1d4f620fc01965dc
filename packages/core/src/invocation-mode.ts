import type middy from '@middy/core'
import type { Context } from 'aws-lambda'
import { enterInvocation, leaveInvocation } from './invocation-store.ts'

/** What middy hands an execution mode: its request factory and its middleware loop (`runRequest`). */
interface MiddyEngine {
  readonly middyRequest: (event: unknown, context: Context) => middy.Request
  readonly runRequest: (
    request: middy.Request,
    before: readonly unknown[],
    handler: unknown,
    after: readonly unknown[],
    onError: readonly unknown[],
    plugin: MiddyPlugin,
  ) => Promise<unknown>
}

/** The plugin object middy passes to the mode, its hooks filled in (noop when unset). */
interface MiddyPlugin {
  readonly requestStart: (request: middy.Request) => void
  readonly requestEnd: (request: middy.Request) => unknown
}

/** A middy handler as an execution mode returns it: callable, and `.handler()` replaces the business function. */
interface ModeHandler {
  (event: unknown, context: Context): Promise<unknown>
  handler(replace: unknown): ModeHandler
}

/**
 * middy's standard execution mode with the invocation entered in the same call (see invocation-store.ts): what
 * `lambda()` builds its buffered handlers on when no plugin hook or catch point of the user's needs the invocation
 * around them. The middleware loop, the request and the hooks are middy's own (`runRequest`, `middyRequest`,
 * `requestStart`/`requestEnd`, with executionModeStandard's rule for a throwing `requestEnd`); only the wrapper
 * that finds the invocation and the two hooks that took and gave back its slot are folded in: one function call
 * and two hook bodies less per invocation. middy passes the mode as `executionMode`, a documented option.
 *
 * @example
 * const run = middy({ executionMode: invocationMode }).use(logger()).handler(work)
 */
export const invocationMode = (
  { middyRequest, runRequest }: MiddyEngine,
  before: readonly unknown[],
  initialHandler: unknown,
  after: readonly unknown[],
  onError: readonly unknown[],
  plugin: MiddyPlugin,
): ModeHandler => {
  let lambdaHandler = initialHandler

  // executionModeStandard's body: a throw in requestEnd never replaces the chain's own error. An invocation that
  // holds the one slot (`holding`) gives it back however it ends, a throw in requestStart included.
  const runInvocation = async (event: unknown, context: Context, holding?: true): Promise<unknown> => {
    try {
      const request = middyRequest(event, context)
      plugin.requestStart(request)
      let failure: unknown
      let failed = false
      let response: unknown
      try {
        response = await runRequest(request, before, lambdaHandler, after, onError, plugin)
      } catch (error) {
        failure = error
        failed = true
      }
      try {
        const ended = plugin.requestEnd(request)
        if (ended instanceof Promise) await ended
      } catch (hookError) {
        if (!failed) throw hookError
        if (typeof failure === 'object' && failure !== null) {
          const withCause: { cause?: unknown } = failure
          withCause.cause ??= hookError
        }
      }
      if (failed) throw failure
      return response
    } finally {
      if (holding) leaveInvocation()
    }
  }

  const sluiceInvocation = ((event: unknown, context: Context) =>
    enterInvocation(runInvocation, event, context) ?? runInvocation(event, context, true)) as ModeHandler
  sluiceInvocation.handler = (replace) => {
    lambdaHandler = replace
    return sluiceInvocation
  }
  return sluiceInvocation
}
