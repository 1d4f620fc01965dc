import { afterEach, beforeEach, vi } from 'vitest'

/**
 * Registers the test file's hooks: vitest fake timers from `nowMs` before each test, real timers and unstubbed
 * globals after. They drive both the guard (the global `setTimeout`) and `createContext()`'s default clock, which
 * reads `Date.now()`, so the context's deadline and the guard's timer move together.
 *
 * @example
 * useFakeTimersFrom(1_000_000)
 * test('fires', async () => { await vi.advanceTimersByTimeAsync(2_500) })
 */
export function useFakeTimersFrom(nowMs: number): void {
  beforeEach(() => {
    vi.useFakeTimers({ now: nowMs })
  })
  afterEach(() => {
    vi.useRealTimers()
    vi.unstubAllGlobals()
  })
}
