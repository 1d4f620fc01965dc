import { createClock } from '@sluice/testing'
import { afterEach, describe, expect, test, vi } from 'vitest'
import { isClock, systemClock } from './clock.ts'
import { isThenable } from './is-thenable.ts'

afterEach(() => {
  vi.useRealTimers()
})

describe('systemClock', () => {
  test('reads Date.now and the global timers at call time, so fake timers installed later apply', () => {
    vi.useFakeTimers({ now: 2_000 })
    const fired: number[] = []
    systemClock.setTimeout(() => fired.push(systemClock.now()), 300)
    const cancelled = systemClock.setTimeout(() => fired.push(-1), 100)
    systemClock.clearTimeout(cancelled)
    vi.advanceTimersByTime(300)
    expect(fired).toEqual([2_300])
    expect(vi.getTimerCount()).toBe(0)
  })
})

describe('isClock', () => {
  test('needs now, setTimeout and clearTimeout', () => {
    expect(isClock(systemClock)).toBe(true)
    expect(isClock(createClock(0))).toBe(true)
    expect(isClock({ now: () => 0 })).toBe(false)
    expect(isClock({ now: () => 0, setTimeout: 1, clearTimeout: () => {} })).toBe(false)
    expect(isClock(null)).toBe(false)
    expect(isClock(() => 0)).toBe(false)
  })
})

describe('isThenable', () => {
  test('tells promises and thenables from plain values, without awaiting', () => {
    expect(isThenable(Promise.resolve(1))).toBe(true)
    // Built with defineProperty: a literal `then` key is what the lint rule (rightly) flags elsewhere.
    const withThen = <T extends object>(target: T, then: unknown) =>
      Object.defineProperty(target, 'then', { value: then })
    expect(isThenable(withThen({}, () => {}))).toBe(true)
    expect(
      isThenable(
        withThen(
          () => {},
          () => {},
        ),
      ),
    ).toBe(true)
    for (const value of [undefined, null, 0, 'then', {}, withThen({}, 1)])
      expect(isThenable(value)).toBe(false)
  })
})
