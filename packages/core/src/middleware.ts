import type { MiddlewareObj, Request } from '@middy/core'
import type { Context } from 'aws-lambda'
import type { LifecycleContext } from './lifecycle.ts'

/**
 * What a middleware does to the types a handler sees. Every key is optional:
 * - `in`: the event type the middleware needs (a `.use()` on a builder whose event doesn't fit is a type error);
 * - `event`: the event type it hands on, *replacing* the previous one (parsers);
 * - `eventAdds`: fields it adds to the event (intersected);
 * - `context`: fields it adds to the context object the handler receives.
 */
export interface MiddlewareSpec {
  readonly in?: unknown
  readonly event?: unknown
  readonly eventAdds?: object
  readonly context?: object
}

type SpecIn<S extends MiddlewareSpec> = S extends { in: infer I } ? I : unknown
type SpecContext<S extends MiddlewareSpec> = S extends { context: infer C extends object } ? C : {}

/** The middy request a sluice middleware's hooks receive. */
export type MiddlewareRequest<S extends MiddlewareSpec = {}, TResult = unknown> = Request<
  SpecIn<S>,
  TResult,
  Error,
  Context & Partial<LifecycleContext> & Partial<SpecContext<S>>
>

/**
 * A plain middy middleware object that also declares, for types only, what it does (see {@link MiddlewareSpec}).
 * Use it in `lambda().use()` for typed composition, or in `middy().use()` like any middy middleware.
 *
 * @example
 * const withTenant = (): Middleware<{ context: { tenant: string } }> => ({
 *   before: function withTenantBefore(request) {
 *     request.context.tenant = 'acme'
 *   },
 * })
 */
export interface Middleware<S extends MiddlewareSpec = {}, TResult = unknown>
  extends MiddlewareObj<
    SpecIn<S>,
    TResult,
    Error,
    Context & Partial<LifecycleContext> & Partial<SpecContext<S>>
  > {
  /** Type-level description; never present at run time. */
  readonly '~sluice'?: S
}

/** The event type after a middleware with spec `S` ran on an event of type `TEvent`. */
export type EventAfter<TEvent, S extends MiddlewareSpec> = S extends { event: infer E }
  ? E & (S extends { eventAdds: infer A } ? A : unknown)
  : TEvent & (S extends { eventAdds: infer A } ? A : unknown)

/** The context additions of a middleware with spec `S`. */
export type ContextAdds<S extends MiddlewareSpec> = SpecContext<S>

/** `unknown` when `TEvent` fits what the middleware needs, otherwise an object type naming the mismatch. */
export type AcceptsEvent<TEvent, S extends MiddlewareSpec> = [TEvent] extends [SpecIn<S>]
  ? unknown
  : {
      readonly '~sluice-error': 'the event type at this point does not satisfy this middleware'
      needs: SpecIn<S>
    }
