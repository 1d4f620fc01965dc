import { createClock, createContext } from '@sluice/testing'
import { describe, expect, test, vi } from 'vitest'
import { deadlineOf } from './deadline-of.ts'

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
