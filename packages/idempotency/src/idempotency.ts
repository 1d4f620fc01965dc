import {
  deadlineOf,
  type LifecycleContext,
  type Middleware,
  type MiddlewareRequest,
  requestSlot,
  systemClock,
} from '@sluice/core'
import type { Context } from 'aws-lambda'
import { type Claim, createEngine, type Invocation, type SharedOptions } from './engine.ts'
import type { Selector } from './selector.ts'

/**
 * Options of {@link idempotency}: which part of the event identifies a request, plus the {@link SharedOptions}.
 *
 * @example
 * const options: IdempotencyOptions<Order> = { key: (order) => order.id, payloadValidation: ['amount'] }
 */
export interface IdempotencyOptions<TEvent> extends SharedOptions {
  /** The request's identity: `(event) => value` or dotted paths; hashed (sha-256 of canonical JSON). */
  readonly key: Selector<TEvent>
  /** What must not change under the same key; a different value fails with `IDEMPOTENCY_PAYLOAD_MISMATCH`. */
  readonly payloadValidation?: Selector<TEvent>
}

/**
 * The invocation facts the engine needs, read from a Lambda context (or none): the time left is
 * `context.lifecycle.remaining()` when sluice's `lambda()` started the invocation, else core's `deadlineOf(context)`
 * less now (`Infinity`, so the default in-progress time, without a deadline).
 *
 * @example
 * invocationOf(context) // { functionName: 'orders', remainingMs: 2870 }
 */
export const invocationOf = (
  context: (Partial<Context> & Partial<LifecycleContext>) | undefined,
): Invocation => ({
  functionName: context?.functionName,
  remainingMs: context?.lifecycle?.remaining() ?? deadlineOf(context ?? {}) - systemClock.now(),
})

/**
 * Runs the handler once per idempotency key. `before` claims the key (a completed duplicate returns the stored
 * result without running the handler; one still running fails with `IDEMPOTENCY_IN_PROGRESS`), `after` stores
 * the response, `onError` releases the key so a retry runs. Place it after parsers: the key is read from the
 * event as it is at that point. Name the event type to type the selector (`idempotency<Order>({ … })`).
 *
 * @example
 * export const handler = lambda<Order>()
 *   .use(idempotency<Order>({ key: (order) => order.id, store: dynamoDbStore({ client, tableName: 'idempotency' }) }))
 *   .handler(async (order) => charge(order))
 */
export function idempotency<TEvent = unknown>(
  options: IdempotencyOptions<TEvent>,
): Middleware<{ in: TEvent }> {
  const engine = createEngine(options)
  // Claims on the request: only the invocation that claimed a key completes or releases it.
  const claims = requestSlot<Claim>('sluice.idempotency claim')
  return {
    before: async function idempotencyBefore(request: MiddlewareRequest<{ in: TEvent }>) {
      const begin = await engine.begin(request.event, invocationOf(request.context))
      if (begin.kind === 'run') claims.set(request, begin.claim)
      // Assigning earlyResponse (rather than returning the value) answers even when the stored result is undefined.
      else if (begin.kind === 'duplicate') request.earlyResponse = begin.result
    },
    after: async function idempotencyAfter(request: MiddlewareRequest<{ in: TEvent }>) {
      // Taken first: if completing fails, onError must not release a key whose handler already ran.
      const claim = claims.take(request)
      if (claim === undefined) return
      await engine.finish(claim, request.response)
    },
    onError: async function idempotencyOnError(request: MiddlewareRequest<{ in: TEvent }>) {
      const claim = claims.take(request)
      if (claim === undefined) return
      await engine.fail(claim, request.error)
    },
  }
}
