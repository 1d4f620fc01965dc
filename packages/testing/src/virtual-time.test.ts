import { describe, expect, test } from 'vitest'
import { createClock } from './clock.ts'
import { InvalidOptionError, TestingError } from './errors.ts'
import { after, drive, hang } from './virtual-time.ts'

describe('hang', () => {
  test('never settles, however far virtual time moves', async () => {
    const clock = createClock(0)
    let settled = false
    hang().then(
      () => {
        settled = true
      },
      () => {
        settled = true
      },
    )
    await clock.advance(60_000)
    expect(settled).toBe(false)
  })

  test('leaves no timer behind on the clock', () => {
    const clock = createClock(0)
    void hang()
    expect(clock.pending()).toBe(0)
  })
})

describe('after', () => {
  test('resolves once the clock reaches the time, not before', async () => {
    const clock = createClock(1_000)
    const seen: number[] = []
    void after(clock, 300).then(() => seen.push(clock.now()))
    await clock.advance(299)
    expect(seen).toEqual([])
    await clock.advance(1)
    expect(seen).toEqual([1_300])
  })

  test('resolves with the value given', async () => {
    const clock = createClock(0)
    const result = after(clock, 5, { id: 'r-1' })
    await clock.advance(5)
    await expect(result).resolves.toEqual({ id: 'r-1' })
  })

  test('refuses a negative or non-finite duration, naming the option', () => {
    const clock = createClock(0)
    for (const ms of [-1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => after(clock, ms)).toThrow(InvalidOptionError)
      expect(() => after(clock, ms)).toThrow(expect.objectContaining({ code: 'INVALID_OPTION', path: 'ms' }))
    }
  })
})

describe('drive', () => {
  test('says when in virtual time the promise settled, and moves the clock the whole span', async () => {
    const clock = createClock(0)
    const { value, settledAt } = await drive(clock, () => after(clock, 250, 'ok'), 1_000)
    expect(value).toBe('ok')
    expect(settledAt).toBe(250)
    expect(clock.now()).toBe(1_000)
  })

  test('fires chained timers in order within the span', async () => {
    const clock = createClock(0)
    const { value, settledAt } = await drive(clock, async () => {
      await after(clock, 100)
      await after(clock, 100)
      return clock.now()
    })
    expect(value).toBe(200)
    expect(settledAt).toBe(200)
  })

  test('re-raises a rejection', async () => {
    const clock = createClock(0)
    const failing = async () => {
      await after(clock, 10)
      throw new Error('boom')
    }
    await expect(drive(clock, failing, 50)).rejects.toThrow('boom')
  })

  test('throws STILL_RUNNING when the promise outlives the span', async () => {
    const clock = createClock(0)
    const error = await drive(clock, () => hang(), 500).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(TestingError)
    expect(error).toMatchObject({ code: 'STILL_RUNNING' })
    expect(clock.now()).toBe(500)
  })

  test('refuses a negative span before starting anything', async () => {
    const clock = createClock(0)
    let started = false
    const start = async () => {
      started = true
    }
    await expect(drive(clock, start, -1)).rejects.toMatchObject({ code: 'INVALID_OPTION', path: 'spanMs' })
    expect(started).toBe(false)
  })
})
