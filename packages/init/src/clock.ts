import type { Clock } from '@sluice/core'

/**
 * The default time source of `cached()` and `awaitInit()`: epoch ms from the monotonic `performance` timer, so
 * TTLs do not jump when the wall clock is corrected, and `performance.timeOrigin` (process start) is on the same
 * scale. It only reads the time: init takes any `Pick<Clock, 'now'>` (core's `Clock`, e.g. `@sluice/testing`'s
 * `createClock()`).
 *
 * @example
 * const elapsed = monotonicClock.now() - performance.timeOrigin // ms since the process started
 */
export const monotonicClock: Pick<Clock, 'now'> = {
  now: function monotonicNow() {
    return performance.timeOrigin + performance.now()
  },
}
