import type { Context } from 'aws-lambda'
import { systemTimers, type TimerSource } from './options.ts'

/**
 * The epoch ms at which Lambda stops this invocation: now + `getRemainingTimeInMillis()`. `Infinity` for a
 * context without a deadline (a plain object in a script or test). Pass the clock the context counts on.
 *
 * @example
 * const deadline = deadlineOf(context)
 * if (deadline - Date.now() < 2_000) return { retryLater: true }
 */
export const deadlineOf = (
  context: Pick<Context, 'getRemainingTimeInMillis'>,
  clock: Pick<TimerSource, 'now'> = systemTimers,
): number =>
  typeof context.getRemainingTimeInMillis === 'function'
    ? clock.now() + context.getRemainingTimeInMillis()
    : Number.POSITIVE_INFINITY
