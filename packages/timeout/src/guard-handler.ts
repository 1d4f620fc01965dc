import { isThenable, type LambdaHandler } from '@sluice/core'
import type { Context } from 'aws-lambda'
import type { TimeoutContext } from './guard.ts'
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
    return new Promise(function guardInvocation(resolve, reject) {
      const guard = guards.open(context, event, true)
      // The guard's state is the race's: the first to disarm it (the chain) or fire it (the timer) wins.
      const won = (value: Awaited<TResult>) => {
        if (guard.disarm()) resolve(value)
      }
      const failed = (error: unknown) => {
        if (guard.disarm()) reject(error)
      }
      guard.arm(function onGuardFired() {
        guard.respond().then(resolve as (value: unknown) => void, reject)
      })
      let result: TResult | Promise<TResult>
      try {
        result = handler(event, context as Context & TimeoutContext)
      } catch (error) {
        failed(error)
        return
      }
      if (!isThenable(result)) won(result as Awaited<TResult>)
      else result.then(won as (value: TResult) => void, failed)
    })
  }
