import { createClock, createContext } from '@sluice/testing'
import { describe, expect, test, vi } from 'vitest'
import { deadlineOf, marginFor } from './deadline.ts'

describe('deadlineOf', () => {
  test('is now + remaining time, and stays put as time passes', async () => {
    const clock = createClock(1_000_000)
    const context = createContext({ timeoutMs: 3_000, clock })
    expect(deadlineOf(context, clock)).toBe(1_003_000)
    await clock.advance(1_234)
    expect(deadlineOf(context, clock)).toBe(1_003_000)
  })

  test('uses Date.now() by default', () => {
    vi.useFakeTimers({ now: 5_000 })
    try {
      expect(deadlineOf(createContext({ timeoutMs: 900_000 }))).toBe(905_000)
    } finally {
      vi.useRealTimers()
    }
  })

  test('is Infinity for a context without a deadline', () => {
    expect(deadlineOf({} as never)).toBe(Number.POSITIVE_INFINITY)
  })
})

describe('marginFor', () => {
  const margin = { marginMs: 500, marginShare: 0.1 }

  test('is the larger of marginMs and the share of the timeout, in whole ms', () => {
    expect(marginFor(3_000, margin)).toBe(500)
    expect(marginFor(60_000, margin)).toBe(6_000)
    expect(marginFor(10_001, margin)).toBe(1_001)
  })

  test('is marginMs when there is no finite timeout', () => {
    expect(marginFor(Number.POSITIVE_INFINITY, margin)).toBe(500)
    expect(marginFor(Number.NaN, margin)).toBe(500)
  })
})
