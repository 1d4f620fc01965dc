import { isThenable, type LambdaHandler } from '@sluice/core'
import type { Context } from 'aws-lambda'
import type { DeadlineGuard, TimeoutContext } from './guard.ts'
import type { GuardFactory } from './guard-factory.ts'

/**
 * Any handler the guard can wrap: a `lambda().handler(…)` result, a middy handler, a plain function.
 *
 * @example
 * const plain: GuardableHandler<{ id: string }, string> = async (event, context) => {
 *   await sleep(100, { signal: context.timeout.signal })
 *   return event.id
 * }
 */
export type GuardableHandler<TEvent, TResult> = (
  event: TEvent,
  context: Context & TimeoutContext,
) => TResult | Promise<TResult>

/**
 * Races a whole invocation against its guard. Whichever comes first wins and the other is ignored: the
 * chain's result (the timer is cleared), or the guard firing (the timeout response; a late result is dropped
 * and a late rejection is caught, never unhandled). Sync code cannot be interrupted: a handler that blocks past
 * the deadline − margin and then returns still wins, because the timer only runs once the event loop does.
 *
 * @example
 * const guarded = guardHandler(handler, guardFactory(resolveOptions({})))
 */
export const guardHandler = <TEvent, TResult, TResponse>(
  handler: GuardableHandler<TEvent, TResult>,
  guards: GuardFactory,
): LambdaHandler<TEvent, Awaited<TResult> | TResponse> =>
  function timeoutGuard(event, context) {
    let guard: DeadlineGuard
    let result: TResult | Promise<TResult>
    try {
      guard = guards.open(context, event, true)
    } catch (error) {
      // A margin too large for the function timeout fails the invocation, as a rejection like any other error.
      return Promise.reject(error)
    }
    // Armed before the chain runs; the timer can only fire once the chain's synchronous part has returned.
    guard.arm()
    try {
      result = handler(event, context as Context & TimeoutContext)
    } catch (error) {
      return (guard.disarm() ? Promise.reject(error) : guard.respond()) as Promise<never>
    }
    if (!isThenable(result)) {
      return (guard.disarm() ? Promise.resolve(result) : guard.respond()) as Promise<Awaited<TResult>>
    }
    return guard.race(result) as Promise<Awaited<TResult> | TResponse>
  }
