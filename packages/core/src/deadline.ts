import type { Context } from 'aws-lambda'
import { type Clock, systemClock } from './clock.ts'

/**
 * The ms this invocation has left, as Lambda counts it: `getRemainingTimeInMillis()`, or `Infinity` for a context
 * without a deadline. For a guard that arms a timer and needs no clock read; {@link deadlineOf} gives the instant.
 *
 * @example
 * const timer = setTimeout(stop, remainingOf(context) - 500)
 */
export const remainingOf = (context: Partial<Pick<Context, 'getRemainingTimeInMillis'>>): number =>
  typeof context.getRemainingTimeInMillis === 'function'
    ? context.getRemainingTimeInMillis()
    : Number.POSITIVE_INFINITY

/**
 * The epoch ms at which Lambda stops this invocation: `clock.now() + getRemainingTimeInMillis()`. `Infinity` for a
 * context without a deadline (a plain object in a script or test). Pass the clock the context counts on. Inside a
 * sluice handler, read `context.lifecycle.deadline` instead: it is this, taken once at the start.
 *
 * @example
 * const deadline = deadlineOf(context)
 * if (deadline - Date.now() < 2_000) return { retryLater: true }
 */
export const deadlineOf = (
  context: Partial<Pick<Context, 'getRemainingTimeInMillis'>>,
  clock: Pick<Clock, 'now'> = systemClock,
): number => {
  const remaining = remainingOf(context)
  return Number.isFinite(remaining) ? clock.now() + remaining : remaining
}

/**
 * How far before the deadline a guard stops: at least `marginMs`, or `marginShare` of the function timeout.
 *
 * @example
 * const margin: MarginOptions = { marginMs: 500, marginShare: 0.1 }
 */
export interface MarginOptions {
  readonly marginMs: number
  readonly marginShare: number
}

/**
 * The margin for a function timeout: the larger of `marginMs` and `marginShare` of the timeout, in whole ms.
 * A timeout that is not finite (no deadline) counts as 0, so the margin is `marginMs`.
 *
 * @example
 * marginFor(3_000, { marginMs: 500, marginShare: 0.1 }) // 500
 * marginFor(60_000, { marginMs: 500, marginShare: 0.1 }) // 6000
 */
export const marginFor = (timeoutMs: number, { marginMs, marginShare }: MarginOptions): number =>
  Math.ceil(Math.max(marginMs, marginShare * (Number.isFinite(timeoutMs) ? timeoutMs : 0)))
