import middy, { type MiddlewareObj, type PluginExecutionMode } from '@middy/core'
import type { Context } from 'aws-lambda'
import type { Clock } from './clock.ts'
import { type SluiceError, toSluiceError } from './errors.ts'
import { invocationMode, sluiceMode } from './invocation-mode.ts'
import { withInvocation } from './invocation-store.ts'
import { type LifecycleContext, type LifecycleOptions, lifecycleTracker } from './lifecycle.ts'
import type {
  AcceptsEvent,
  ContextAdds,
  EventAfter,
  Middleware,
  MiddlewareRequest,
  MiddlewareSpec,
} from './middleware.ts'
import { type ResponseStream, sluiceStreamOf } from './response-stream.ts'
import type { CatchFitsStream, StreamResponse } from './stream-response.ts'
import { passStream, type StreamingHandler, streamErrors, streamify } from './streamify.ts'

/** A plain Lambda Node.js handler: what `lambda().handler()` returns and what Lambda calls. */
export type LambdaHandler<TEvent = unknown, TResult = unknown> = (
  event: TEvent,
  context: Context,
) => Promise<TResult>

/** The context a sluice handler receives: Lambda's, plus `lifecycle`, plus what middlewares added. */
export type HandlerContext<TAdds extends object = {}> = Context & LifecycleContext & TAdds

/**
 * The context `.catch()` receives: Lambda's, plus `lifecycle`, plus what the middlewares used before `.catch()`
 * add — each possibly missing, because a middleware whose `before` never ran (an earlier one threw) added nothing.
 *
 * @example
 * const report = (context: CatchContext<{ log: Logger }>) => context.log?.error('failed')
 */
export type CatchContext<TAdds extends object = {}> = Context & LifecycleContext & Partial<TAdds>

/**
 * What `.catch()` receives besides the error: the event as Lambda delivered it (typed as the builder's input,
 * never as a parser's output: a parser that failed produced nothing), the context, and the response so far.
 *
 * @example
 * const status = (request: CatchRequest<APIGatewayProxyEventV2>) => request.event.rawPath
 */
export interface CatchRequest<TEvent = unknown, TAdds extends object = {}> {
  readonly event: TEvent
  readonly context: CatchContext<TAdds>
  /** What the handler or an `onError` set before the error escaped; usually `undefined`. */
  readonly response: unknown
}

/**
 * Decides what the caller sees when anything in the chain throws; throw to fail the invocation.
 *
 * @example
 * const toHttp: CatchFn<{ statusCode: number }, APIGatewayProxyEventV2> = (error, { event }) => ({
 *   statusCode: error.status,
 * })
 */
export type CatchFn<TResult, TEvent = unknown, TAdds extends object = {}> = (
  error: SluiceError,
  request: CatchRequest<TEvent, TAdds>,
) => TResult | Promise<TResult>

/** Options of {@link lambda}. */
export interface LambdaOptions {
  /**
   * middy plugin hooks (profiling, `requestStart`, …), passed through as they are. An `executionMode` here runs
   * instead of sluice's own (the invocation is then found through a `withInvocation` wrapper).
   */
  readonly plugin?: Omit<middy.PluginObject, 'timeoutEarlyInMillis' | 'timeoutEarlyResponse'>
  /**
   * middy's handler-only early timeout, in ms. Off by default: it costs a timer per call and guards only the
   * handler; `@sluice/timeout` guards the whole chain.
   */
  readonly timeoutEarlyInMillis?: number
  /**
   * Where `context.lifecycle` reads the time (`startedAt`, `deadline`, `timeoutMs`, `remaining()`). Default
   * `systemClock`; tests pass `createClock()` from `@sluice/testing`, the clock their fake context counts on.
   */
  readonly clock?: Pick<Clock, 'now'>
}

/**
 * The lifecycle middleware: puts {@link Lifecycle} facts on `context.lifecycle`. `lambda()` adds it first;
 * in plain middy, `.use(lifecycle())` first. `clock` (default `systemClock`) is where the lifecycle reads the time.
 *
 * @example
 * export const handler = middy().use(lifecycle()).handler(async (event, context) => context.lifecycle.coldStart)
 */
export const lifecycle = (
  options: Pick<LifecycleOptions, 'clock'> = {},
): Middleware<{ context: LifecycleContext }> => {
  const track = lifecycleTracker(options)
  return {
    before: function lifecycleBefore(request) {
      request.context.lifecycle = track(request.context)
    },
  }
}

type AnyMiddleware = MiddlewareObj
/** A catch function as the builder keeps it: its event and context types were checked at `.catch()`. */
type StoredCatch = CatchFn<unknown>

/**
 * Wraps the middy handler so that whatever escapes the chain (the handler, any middleware, an `onError` that
 * rethrows) reaches `catchFn` once, with the context and response as middy last saw them and the event as Lambda
 * delivered it (a parser replaces middy's `request.event`, and may have failed half way).
 */
const withCatch = (
  run: LambdaHandler,
  requests: WeakMap<object, MiddlewareRequest>,
  catchFn: StoredCatch,
): LambdaHandler<unknown, unknown> =>
  async function sluiceCatch(event, context) {
    try {
      return await run(event, context)
    } catch (error) {
      // A streamed body already on its way cannot be replaced: the stream ends with the error instead.
      if (sluiceStreamOf(context)?.started) throw error
      const request = requests.get(context)
      // lambda() puts the lifecycle on the context in requestStart, before anything that can throw.
      const seen = (request?.context ?? context) as CatchContext
      return catchFn(toSluiceError(error), { event, context: seen, response: request?.response })
    }
  }

/**
 * A typed handler builder. Each `.use()` returns a new builder whose handler sees what the middleware declared.
 */
export interface LambdaBuilder<TInput, TEvent, TAdds extends object, TCaught> {
  /** Adds a middleware (a sluice `Middleware` or any middy middleware object). */
  use<const S extends MiddlewareSpec = {}>(
    middleware: Middleware<S> & AcceptsEvent<TEvent, S>,
  ): LambdaBuilder<TInput, EventAfter<TEvent, S>, TAdds & ContextAdds<S>, TCaught>
  /**
   * The one catch point: gets whatever escapes the chain (after every `onError` middleware), as a SluiceError,
   * with the event as Lambda delivered it (`TInput`) and the context additions of the middlewares used before it
   * (optional: one that never ran added nothing); its return value becomes the response, and a throw fails the
   * invocation.
   */
  catch<TResult>(fn: CatchFn<TResult, TInput, TAdds>): LambdaBuilder<TInput, TEvent, TAdds, TResult>
  /** Finishes the chain with the business logic and returns the Lambda handler. */
  handler<TResult>(
    fn: (event: TEvent, context: HandlerContext<TAdds>) => TResult | Promise<TResult>,
  ): LambdaHandler<TInput, Awaited<TResult> | TCaught>
  /**
   * Finishes the chain with a response streaming function (see the README, "Response streaming"): it writes to
   * `responseStream` and/or returns a body or an HTTP response. An error before the first byte goes to `.catch()`,
   * whose result is streamed; after it, the stream ends with the error.
   */
  // biome-ignore lint/suspicious/noConfusingVoidType: a function that returns nothing returns void, not undefined
  stream<TResult extends StreamResponse | void = void>(
    fn: (
      event: TEvent,
      responseStream: ResponseStream,
      context: HandlerContext<TAdds>,
    ) => TResult | Promise<TResult>,
    ...catchFits: CatchFitsStream<TCaught>
  ): StreamingHandler<TInput>
}

/** sluice's run of middy's chain, for chains whose invocation is entered outside them (`withInvocation`, streams). */
const chainMode = sluiceMode(false) as unknown as PluginExecutionMode

/**
 * The middy chain of a finished builder and its catch point, as a buffered `(event, context)` handler, run by
 * sluice's execution mode unless a plugin brings its own. lambda() attaches the lifecycle (and remembers the
 * request for the catch point) in middy's requestStart plugin hook, which middy calls once per request anyway:
 * cheaper than one more middleware in its loops.
 */
const chain = (
  options: LambdaOptions,
  middlewares: readonly AnyMiddleware[],
  catchFn: StoredCatch | undefined,
  fn: (event: never, context: never) => unknown,
): LambdaHandler => {
  const attach = lifecycle({ clock: options.clock }).before as (request: MiddlewareRequest) => void
  const requests = catchFn ? new WeakMap<object, MiddlewareRequest>() : undefined
  const userStart = options.plugin?.requestStart
  const requestStart = (request: middy.Request) => {
    attach(request as MiddlewareRequest)
    requests?.set(request.context, request as MiddlewareRequest)
    userStart?.(request)
  }
  const base = middy({
    ...options.plugin,
    executionMode: options.plugin?.executionMode ?? chainMode,
    requestStart,
    timeoutEarlyInMillis: options.timeoutEarlyInMillis ?? 0,
  })
  for (const middleware of middlewares) base.use(middleware)
  const run = base.handler(fn as never) as unknown as LambdaHandler
  return requests && catchFn ? withCatch(run, requests, catchFn) : run
}

/**
 * A finished buffered chain, entered as an invocation (see invocation-store.ts): on middy's engine run by
 * {@link invocationMode}, which enters it in the same call. A catch point runs after the chain and must still find
 * the invocation, and a plugin may bring its own execution mode: those are wrapped by `withInvocation` instead.
 */
const invocation = (
  options: LambdaOptions,
  middlewares: readonly AnyMiddleware[],
  catchFn: StoredCatch | undefined,
  fn: (event: never, context: never) => unknown,
): LambdaHandler => {
  if (catchFn !== undefined || options.plugin?.executionMode !== undefined) {
    return withInvocation(chain(options, middlewares, catchFn, fn))
  }
  // middy types an execution mode as `() => void`, though it calls it with its engine and the middleware lists.
  const executionMode = invocationMode as unknown as PluginExecutionMode
  return chain({ ...options, plugin: { ...options.plugin, executionMode } }, middlewares, undefined, fn)
}

const builder = <TInput, TEvent, TAdds extends object, TCaught>(
  options: LambdaOptions,
  middlewares: readonly AnyMiddleware[],
  catchFn: StoredCatch | undefined,
): LambdaBuilder<TInput, TEvent, TAdds, TCaught> => ({
  use: (middleware) => builder(options, [...middlewares, middleware as unknown as AnyMiddleware], catchFn),
  catch: (fn) => builder(options, middlewares, fn as StoredCatch),
  handler: (fn) => invocation(options, middlewares, catchFn, fn) as LambdaHandler<TInput, never>,
  // streamErrors goes last so that its onError runs first, before any other can answer the error.
  stream: (fn, ..._catchFits) =>
    streamify(chain(options, [...middlewares, streamErrors], catchFn, passStream(fn))),
})

/**
 * Starts a typed Lambda handler on middy. Name the incoming event type, add middlewares, end with `.handler()`
 * (or `.stream()` for response streaming).
 *
 * @example
 * export const handler = lambda<SQSEvent>()
 *   .use(parseSqsBodies(orderSchema))
 *   .handler(async (orders, context) => ({ count: orders.length, cold: context.lifecycle.coldStart }))
 */
export const lambda = <TEvent = unknown>(
  options: LambdaOptions = {},
): LambdaBuilder<TEvent, TEvent, {}, never> => builder(options, [], undefined)
