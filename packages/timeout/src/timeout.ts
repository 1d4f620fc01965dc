import { type LambdaHandler, type Middleware, responseStreamOf } from '@sluice/core'
import type { DeadlineGuard, TimeoutContext } from './guard.ts'
import { guardFactory, guardOf } from './guard-factory.ts'
import { type GuardableHandler, guardHandler } from './guard-handler.ts'
import { resolveOptions, type TimeoutOptions } from './options.ts'
import { guardStream } from './stream-guard.ts'

/**
 * The `timeout()` middleware, plus `wrap` to race the whole invocation with the same guard.
 *
 * @example
 * const guard: TimeoutMiddleware<{ statusCode: number }> = timeout({ onTimeout: () => ({ statusCode: 503 }) })
 */
export type TimeoutMiddleware<TResponse = never> = Middleware<{ context: TimeoutContext }> & {
  /**
   * Wraps the finished handler so the guard races the whole invocation (every middleware and the handler):
   * when it fires, the invocation answers with `onTimeout` (or fails with a `TimeoutError`) even if the chain
   * never settles.
   */
  wrap<TEvent, TResult>(
    handler: GuardableHandler<TEvent, TResult>,
  ): LambdaHandler<TEvent, Awaited<TResult> | TResponse>
}

/**
 * A deadline guard from the remaining time. The handler and later middlewares get `context.timeout`: its
 * `signal` (created on first read, aborted at deadline − margin), `remaining()` and `onCleanup(fn)`. Used with
 * `.wrap()` it guards the whole invocation; used alone (any middy stack), it cannot stop a chain that never
 * settles, but a late result or error still becomes the timeout response.
 * In a streaming handler (`lambda().stream()`) it ends the response stream with the `TimeoutError` instead (no
 * `.wrap()` needed): the invocation fails with it after the bytes already sent.
 *
 * @example
 * const guard = timeout({ onTimeout: () => ({ statusCode: 503 }) })
 * export const handler = guard.wrap(
 *   lambda<APIGatewayProxyEventV2>()
 *     .use(guard)
 *     .handler(async (event, context) => {
 *       const res = await fetch('https://example.com/slow', { signal: context.timeout.signal })
 *       return { statusCode: 200, body: await res.text() }
 *     }),
 * )
 */
export const timeout = <TResponse = never>(
  options: TimeoutOptions<TResponse> = {},
): TimeoutMiddleware<TResponse> => {
  const guards = guardFactory(resolveOptions(options))
  // The previous standalone guard, in case a later middleware answered early and skipped our after/onError:
  // middy marks that on the request, so the next invocation can clear its timer (only then: hosts other than
  // Lambda may run invocations side by side).
  let last: DeadlineGuard | undefined
  return {
    before: function timeoutBefore(request) {
      const current = guardOf(request.context)
      if (current?.wrapped && !current.settled) {
        current.request = request
        return
      }
      const stream = responseStreamOf(request.context)
      if (stream !== undefined) {
        guardStream(guards, request, stream)
        return
      }
      if (last?.request && 'earlyResponse' in last.request) last.disarm()
      const guard = guards.open(request.context, request.event, false)
      guard.request = request
      last = guard
      // Already past deadline − margin (a slow middleware ran before this one): answer now.
      if (guard.overdue) return guard.respond()
      guard.arm()
    },
    after: function timeoutAfter(request) {
      const guard = guardOf(request.context)
      if (!guard || guard.wrapped) return
      if (!guard.fired) {
        guard.disarm()
        return
      }
      if (!guard.responded) return guard.respond()
    },
    onError: function timeoutOnError(request) {
      const guard = guardOf(request.context)
      if (!guard) return
      // A streaming handler that fails once its guard fired failed because of it (its signal aborted, its sleep
      // rejected): the stream ends with the TimeoutError, once cleanups and flushing are over, not with that error.
      if (guard.fired && responseStreamOf(request.context) !== undefined) {
        return guard.fire().then((error) => {
          request.error = error
        })
      }
      if (guard.wrapped) return
      if (!guard.fired) {
        guard.disarm()
        return
      }
      if (guard.responded) return
      return guard.respond().then(undefined, (error: Error) => {
        request.error = error
      })
    },
    wrap: (handler) => guardHandler(handler, guards),
  }
}
