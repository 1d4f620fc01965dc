import middy, { type MiddlewareObj } from '@middy/core'
import type { Context } from 'aws-lambda'
import { type SluiceError, toSluiceError } from './errors.ts'
import { type LifecycleContext, lifecycleTracker } from './lifecycle.ts'
import type {
  AcceptsEvent,
  ContextAdds,
  EventAfter,
  Middleware,
  MiddlewareRequest,
  MiddlewareSpec,
} from './middleware.ts'

/** A plain Lambda Node.js handler: what `lambda().handler()` returns and what Lambda calls. */
export type LambdaHandler<TEvent = unknown, TResult = unknown> = (
  event: TEvent,
  context: Context,
) => Promise<TResult>

/** The context a sluice handler receives: Lambda's, plus `lifecycle`, plus what middlewares added. */
export type HandlerContext<TAdds extends object = {}> = Context & LifecycleContext & TAdds

/** Decides what the caller sees when anything in the chain throws; throw to fail the invocation. */
export type CatchFn<TResult> = (error: SluiceError, request: MiddlewareRequest) => TResult | Promise<TResult>

/** Options of {@link lambda}. */
export interface LambdaOptions {
  /** middy plugin hooks (profiling, `requestStart`, …), passed through as they are. */
  readonly plugin?: Omit<middy.PluginObject, 'timeoutEarlyInMillis' | 'timeoutEarlyResponse'>
  /**
   * middy's handler-only early timeout, in ms. Off by default: it costs a timer per call and guards only the
   * handler; `@sluice/timeout` guards the whole chain.
   */
  readonly timeoutEarlyInMillis?: number
}

/**
 * The lifecycle middleware: puts {@link Lifecycle} facts on `context.lifecycle`. `lambda()` adds it first;
 * in plain middy, `.use(lifecycle())` first.
 *
 * @example
 * export const handler = middy().use(lifecycle()).handler(async (event, context) => context.lifecycle.coldStart)
 */
export const lifecycle = (): Middleware<{ context: LifecycleContext }> => {
  const track = lifecycleTracker()
  return {
    before: function lifecycleBefore(request) {
      request.context.lifecycle = track(request.context)
    },
  }
}

type AnyMiddleware = MiddlewareObj

/**
 * Wraps the middy handler so that whatever escapes the chain (the handler, any middleware, an `onError` that
 * rethrows) reaches `catchFn` once, with the request as middy last saw it.
 */
const withCatch = <TResult>(
  run: LambdaHandler,
  requests: WeakMap<object, MiddlewareRequest>,
  catchFn: CatchFn<TResult>,
): LambdaHandler<unknown, unknown> =>
  async function sluiceCatch(event, context) {
    try {
      return await run(event, context)
    } catch (error) {
      const caught = toSluiceError(error)
      const request = requests.get(context) ?? {
        event,
        context,
        response: undefined,
        error: caught,
        internal: {},
      }
      return catchFn(caught, request)
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
   * The one catch point: gets whatever escapes the chain (after every `onError` middleware), as a SluiceError;
   * its return value becomes the response, and a throw fails the invocation.
   */
  catch<TResult>(fn: CatchFn<TResult>): LambdaBuilder<TInput, TEvent, TAdds, TResult>
  /** Finishes the chain with the business logic and returns the Lambda handler. */
  handler<TResult>(
    fn: (event: TEvent, context: HandlerContext<TAdds>) => TResult | Promise<TResult>,
  ): LambdaHandler<TInput, Awaited<TResult> | TCaught>
}

const builder = <TInput, TEvent, TAdds extends object, TCaught>(
  options: LambdaOptions,
  middlewares: readonly AnyMiddleware[],
  catchFn: CatchFn<TCaught> | undefined,
): LambdaBuilder<TInput, TEvent, TAdds, TCaught> => ({
  use: (middleware) => builder(options, [...middlewares, middleware as unknown as AnyMiddleware], catchFn),
  catch: (fn) => builder(options, middlewares, fn),
  handler(fn) {
    // lambda() attaches the lifecycle (and remembers the request for the catch point) in middy's requestStart
    // plugin hook, which middy calls once per request anyway: cheaper than one more middleware in its loops.
    const attach = lifecycle().before as (request: MiddlewareRequest) => void
    const requests = catchFn ? new WeakMap<object, MiddlewareRequest>() : undefined
    const userStart = options.plugin?.requestStart
    const requestStart = (request: middy.Request) => {
      attach(request as MiddlewareRequest)
      requests?.set(request.context, request as MiddlewareRequest)
      userStart?.(request)
    }
    const base = middy({
      ...options.plugin,
      requestStart,
      timeoutEarlyInMillis: options.timeoutEarlyInMillis ?? 0,
    })
    for (const middleware of middlewares) base.use(middleware)
    const run = base.handler(fn as never) as unknown as LambdaHandler
    const handler = requests && catchFn ? withCatch(run, requests, catchFn) : run
    return handler as LambdaHandler<TInput, never>
  },
})

/**
 * Starts a typed Lambda handler on middy. Name the incoming event type, add middlewares, end with `.handler()`.
 *
 * @example
 * export const handler = lambda<SQSEvent>()
 *   .use(parseSqsBodies(orderSchema))
 *   .handler(async (orders, context) => ({ count: orders.length, cold: context.lifecycle.coldStart }))
 */
export const lambda = <TEvent = unknown>(
  options: LambdaOptions = {},
): LambdaBuilder<TEvent, TEvent, {}, never> => builder(options, [], undefined)
