import type middy from '@middy/core'
import type { Context } from 'aws-lambda'
import { enterInvocation, leaveInvocation } from './invocation-store.ts'

/** A middleware function as middy keeps it in its before, after and onError lists. */
type MiddyStep = (request: middy.Request) => unknown

/** The plugin object middy passes to an execution mode: the user's hooks, middy's defaults filled in. */
interface MiddyPlugin {
  readonly requestStart: (request: middy.Request) => void
  readonly requestEnd: (request: middy.Request) => unknown
  readonly beforeHandler: () => void
  readonly afterHandler: () => void
  readonly beforeMiddleware?: (name: string) => void
  readonly afterMiddleware?: (name: string) => void
  /** `timeoutEarlyInMillis > 0`: middy's handler-only early timeout is on. */
  readonly timeoutEarly: boolean
}

/** What middy hands an execution mode: its request factory and its middleware loop (`runRequest`). */
interface MiddyEngine {
  readonly middyRequest: (event: unknown, context: Context) => middy.Request
  readonly runRequest: (
    request: middy.Request,
    before: readonly MiddyStep[],
    handler: unknown,
    after: readonly MiddyStep[],
    onError: readonly MiddyStep[],
    plugin: MiddyPlugin,
  ) => Promise<unknown>
}

/** A middy handler as an execution mode returns it: callable, and `.handler()` replaces the business function. */
interface ModeHandler {
  (event: unknown, context: Context): Promise<unknown>
  handler(replace: unknown): ModeHandler
}

/** The business function as middy calls it: event, context and `{ signal }`. */
type BusinessFunction = (
  event: unknown,
  context: Context,
  options: { readonly signal: AbortSignal },
) => unknown

/**
 * The handler's third argument, `{ signal }`, as middy gives it. Without middy's early timeout nothing ever aborts
 * that signal, so its controller is made when the handler reads it, not on every call as middy does.
 */
class HandlerOptions {
  #controller: AbortController | undefined
  get signal(): AbortSignal {
    this.#controller ??= new AbortController()
    return this.#controller.signal
  }
}

type StepRequest = middy.Request & { earlyResponse?: unknown }

/**
 * After step `i` of a list ran and gave `result`: middy's rules for what a step returns. A value other than
 * `undefined` (or an `earlyResponse` the step set) ends the list with it as the response; returns true then.
 */
const stepEnded = (request: StepRequest, result: unknown): boolean => {
  if (result !== undefined) request.earlyResponse = result
  if (!('earlyResponse' in request)) return false
  request.response = request.earlyResponse
  return true
}

/** The rest of a list once a step returned a promise: awaited step by step from step `i` on. */
const finishSteps = async (
  request: StepRequest,
  steps: readonly MiddyStep[],
  plugin: MiddyPlugin,
  i: number,
  pending: Promise<unknown>,
): Promise<boolean> => {
  const { beforeMiddleware, afterMiddleware } = plugin
  let result: unknown = await pending
  for (;;) {
    if (afterMiddleware) afterMiddleware((steps[i] as MiddyStep).name)
    if (stepEnded(request, result)) return true
    i += 1
    if (i >= steps.length) return false
    const step = steps[i] as MiddyStep
    if (beforeMiddleware) beforeMiddleware(step.name)
    result = step(request)
    if (result instanceof Promise) result = await result
  }
}

/**
 * One list of middleware steps, as middy's `runRequest` runs it: each step in turn, the plugin's per-middleware
 * hooks around it, and a step that returns a value (or sets `request.earlyResponse`) ends the list with that
 * value as the response. Synchronous while the steps are (no await for a list of synchronous middlewares, the
 * common case); from the first step that returns a promise, {@link finishSteps} awaits the rest. True when the
 * list ended early.
 */
const runSteps = (
  request: StepRequest,
  steps: readonly MiddyStep[],
  plugin: MiddyPlugin,
): boolean | Promise<boolean> => {
  const { beforeMiddleware, afterMiddleware } = plugin
  for (let i = 0, length = steps.length; i < length; i++) {
    const step = steps[i] as MiddyStep
    if (beforeMiddleware) beforeMiddleware(step.name)
    const result = step(request)
    if (result instanceof Promise) return finishSteps(request, steps, plugin, i, result)
    if (afterMiddleware) afterMiddleware(step.name)
    if (stepEnded(request, result)) return true
  }
  return false
}

/**
 * middy's request run (its `runRequest` and executionModeStandard's body) in one async function: the before
 * list, the handler, the after list, the onError list on a throw, and `requestEnd`, with middy's rules for an
 * early response, an error an onError answers or rethrows, and a throwing `requestEnd` (it never replaces the
 * chain's own error; it becomes its `cause`). middy's standard mode awaits `runRequest` from a second async
 * function and makes an AbortController for every call; this run does neither, which is what lets `lambda()`
 * put the lifecycle on every context and still cost no more than middy's engine alone (bench, "core … middy
 * timer off"). With middy's early timeout on, the chain runs in middy's own `runRequest`, timer and all.
 * `test/neighbours/middy-engine.test.ts` runs random chains through both and compares every outcome.
 */
const runInvocation = async (
  engine: MiddyEngine,
  event: unknown,
  context: Context,
  before: readonly MiddyStep[],
  handler: BusinessFunction,
  after: readonly MiddyStep[],
  onError: readonly MiddyStep[],
  plugin: MiddyPlugin,
  holding?: true,
): Promise<unknown> => {
  try {
    const request: StepRequest = engine.middyRequest(event, context)
    // Before the chain, as in middy: a throwing requestStart fails the invocation without requestEnd.
    plugin.requestStart(request)
    let failure: unknown
    let failed = false
    try {
      if (plugin.timeoutEarly) {
        request.response = await engine.runRequest(request, before, handler, after, onError, plugin)
      } else {
        try {
          let ended = runSteps(request, before, plugin)
          if (ended instanceof Promise) ended = await ended
          if (!ended) {
            plugin.beforeHandler()
            let response = handler(request.event, request.context, new HandlerOptions())
            if (response instanceof Promise) response = await response
            request.response = response
            plugin.afterHandler()
            const afterDone = runSteps(request, after, plugin)
            if (afterDone instanceof Promise) await afterDone
          }
        } catch (error) {
          request.response = undefined
          delete request.earlyResponse
          request.error = error as Error
          await runOnError(request, onError, plugin)
        }
      }
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
    return request.response
  } finally {
    // The invocation that took the one slot gives it back however it ended (see invocation-store.ts).
    if (holding) leaveInvocation()
  }
}

/**
 * The onError list after a throw, with middy's rules: a step that answers sets the response; one that throws
 * replaces the error (the original becomes its `cause` and `originalError`); an error no step answered is thrown.
 */
const runOnError = async (
  request: StepRequest,
  onError: readonly MiddyStep[],
  plugin: MiddyPlugin,
): Promise<void> => {
  try {
    const done = runSteps(request, onError, plugin)
    if (done instanceof Promise) await done
  } catch (error) {
    if (error !== request.error && typeof error === 'object' && error !== null) {
      const replaced = error as { originalError?: unknown; cause?: unknown }
      replaced.originalError = request.error
      replaced.cause ??= request.error
    }
    request.error = error as Error
    throw error
  }
  if (request.response === undefined) throw request.error
}

/**
 * sluice's execution mode for middy (`executionMode`, a documented middy option): middy's builder, middleware
 * lists, request and plugin hooks, run by {@link runInvocation}. With `enter`, each call also enters the
 * invocation (see invocation-store.ts) in the same call, for `lambda()`'s buffered handlers when nothing outside
 * the chain (a catch point, a plugin's own mode) must run inside the invocation too.
 *
 * @example
 * const run = middy({ executionMode: sluiceMode(true) }).use(logger()).handler(work)
 */
export const sluiceMode =
  (enter: boolean) =>
  (
    engine: MiddyEngine,
    before: readonly MiddyStep[],
    initialHandler: BusinessFunction,
    after: readonly MiddyStep[],
    onError: readonly MiddyStep[],
    plugin: MiddyPlugin,
  ): ModeHandler => {
    let handler = initialHandler
    const run = (event: unknown, context: Context, holding?: true) =>
      runInvocation(engine, event, context, before, handler, after, onError, plugin, holding)
    const sluiceInvocation = (
      enter ? (event, context) => enterInvocation(run, event, context) ?? run(event, context, true) : run
    ) as ModeHandler
    sluiceInvocation.handler = (replace) => {
      handler = replace as BusinessFunction
      return sluiceInvocation
    }
    return sluiceInvocation
  }

/** {@link sluiceMode} entering each invocation: what `lambda()` builds its buffered handlers on by default. */
export const invocationMode = sluiceMode(true)
