/**
 * Anything that tells the time in epoch milliseconds. `@sluice/testing`'s virtual clock is one.
 *
 * @example
 * const frozen: Clock = { now: () => 1_700_000_000_000 }
 */
export interface Clock {
  now(): number
}

/**
 * The default clock: epoch ms from the monotonic `performance` timer, so TTLs do not jump when the wall clock
 * is corrected, and `performance.timeOrigin` (process start) is on the same scale.
 *
 * @example
 * const elapsed = monotonicClock.now() - performance.timeOrigin // ms since the process started
 */
export const monotonicClock: Clock = {
  now: function monotonicNow() {
    return performance.timeOrigin + performance.now()
  },
}
