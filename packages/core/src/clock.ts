/**
 * Where sluice reads the time and schedules its timers: epoch ms, and a timer pair. `systemClock` is the real one;
 * `@sluice/testing`'s `createClock()` is a virtual one that moves only when told to. Code that only reads the time
 * takes a `Pick<Clock, 'now'>`.
 *
 * @example
 * const clock: Clock = createClock(0) // from @sluice/testing
 * clock.clearTimeout(clock.setTimeout(() => {}, 100))
 */
export interface Clock {
  /** Epoch ms. */
  now(): number
  /** Runs `callback` after `ms`; returns a handle for `clearTimeout`. */
  setTimeout(callback: () => void, ms: number): unknown
  /** Cancels a timer from `setTimeout` (a handle already fired or cleared is ignored). */
  clearTimeout(handle: unknown): void
}

/**
 * `Date.now` and the global timers, looked up at call time so fake timers installed later (vitest's) still apply.
 *
 * @example
 * systemClock.clearTimeout(systemClock.setTimeout(() => {}, 100))
 */
export const systemClock: Clock = {
  now: function systemNow() {
    return Date.now()
  },
  setTimeout: function systemSetTimeout(callback, ms) {
    return globalThis.setTimeout(callback, ms)
  },
  clearTimeout: function systemClearTimeout(handle) {
    globalThis.clearTimeout(handle as Parameters<typeof globalThis.clearTimeout>[0])
  },
}

/**
 * True for a value with the three members of a {@link Clock}: what option checks use to reject a bad `clock`.
 *
 * @example
 * isClock(createClock(0)) // true
 * isClock({ now: Date.now }) // false: no timers
 */
export const isClock = (value: unknown): value is Clock => {
  if (typeof value !== 'object' || value === null) return false
  const clock = value as Partial<Record<keyof Clock, unknown>>
  return (
    typeof clock.now === 'function' &&
    typeof clock.setTimeout === 'function' &&
    typeof clock.clearTimeout === 'function'
  )
}
