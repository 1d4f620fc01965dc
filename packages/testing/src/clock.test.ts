import { afterEach, describe, expect, test, vi } from 'vitest'
import { createClock, hasTimers, realTime, scheduleOn } from './clock.ts'
import { InvalidOptionError } from './errors.ts'

afterEach(() => {
  vi.useRealTimers()
})

describe('createClock', () => {
  test('starts at the given time and only moves when advanced or set', async () => {
    const clock = createClock(1_000)
    expect(clock.now()).toBe(1_000)
    await clock.advance(250)
    expect(clock.now()).toBe(1_250)
    clock.set(50)
    expect(clock.now()).toBe(50)
  })

  test('starts at Date.now() by default', () => {
    vi.useFakeTimers({ now: 42_000 })
    expect(createClock().now()).toBe(42_000)
  })

  test('fires due timers in time order, then scheduling order, with now() at each timer time', async () => {
    const clock = createClock(0)
    const fired: string[] = []
    clock.setTimeout(() => fired.push(`b@${clock.now()}`), 20)
    clock.setTimeout(() => fired.push(`a@${clock.now()}`), 10)
    clock.setTimeout(() => fired.push(`c@${clock.now()}`), 20)
    clock.setTimeout(() => fired.push(`late@${clock.now()}`), 31)
    await clock.advance(30)
    expect(fired).toEqual(['a@10', 'b@20', 'c@20'])
    expect(clock.now()).toBe(30)
    expect(clock.pending()).toBe(1)
    await clock.advance(1)
    expect(fired.at(-1)).toBe('late@31')
  })

  test('lets promise chains started by a timer run, and fires timers they schedule within the window', async () => {
    const clock = createClock(0)
    const sleep = (ms: number) => new Promise<void>((resolve) => clock.setTimeout(resolve, ms))
    const steps: number[] = []
    const chain = (async () => {
      await sleep(10)
      steps.push(clock.now())
      await Promise.resolve()
      await sleep(10)
      steps.push(clock.now())
    })()
    await clock.advance(25)
    expect(steps).toEqual([10, 20])
    await chain
  })

  test('clearTimeout cancels a timer and pending() counts what is left', async () => {
    const clock = createClock(0)
    const callback = vi.fn()
    const handle = clock.setTimeout(callback, 5)
    clock.setTimeout(() => {}, 50)
    expect(clock.pending()).toBe(2)
    clock.clearTimeout(handle)
    expect(clock.pending()).toBe(1)
    await clock.advance(10)
    expect(callback).not.toHaveBeenCalled()
  })

  test('set() jumps without firing; timers then due fire on the next advance', async () => {
    const clock = createClock(0)
    const callback = vi.fn()
    clock.setTimeout(callback, 100)
    clock.set(500)
    expect(callback).not.toHaveBeenCalled()
    await clock.advance(0)
    expect(callback).toHaveBeenCalledOnce()
  })

  test('rejects negative or non-finite durations with INVALID_OPTION', async () => {
    const clock = createClock(0)
    await expect(clock.advance(-1)).rejects.toBeInstanceOf(InvalidOptionError)
    await expect(clock.advance(Number.NaN)).rejects.toMatchObject({ code: 'INVALID_OPTION' })
    expect(() => createClock(Number.POSITIVE_INFINITY)).toThrow(InvalidOptionError)
  })

  test('keeps working while vitest fake timers are installed', async () => {
    vi.useFakeTimers()
    const clock = createClock(0)
    const callback = vi.fn()
    clock.setTimeout(callback, 10)
    await clock.advance(10)
    expect(callback).toHaveBeenCalledOnce()
  })
})

describe('realTime', () => {
  test('follows vitest fake timers, which mock Date', () => {
    vi.useFakeTimers({ now: 1_000 })
    expect(realTime.now()).toBe(1_000)
    vi.advanceTimersByTime(2_500)
    expect(realTime.now()).toBe(3_500)
  })

  test('only reads the time: scheduleOn puts its timers on the global ones, looked up at call time', () => {
    expect(hasTimers(realTime)).toBe(false)
    vi.useFakeTimers()
    const callback = vi.fn()
    const cancel = scheduleOn(realTime, callback, 10)
    expect(vi.getTimerCount()).toBe(1)
    cancel()
    expect(vi.getTimerCount()).toBe(0)
    scheduleOn(realTime, callback, 10)
    vi.advanceTimersByTime(10)
    expect(callback).toHaveBeenCalledOnce()
  })
})

describe('scheduleOn', () => {
  test('uses a virtual clock’s own timers', async () => {
    const clock = createClock(0)
    const callback = vi.fn()
    const cancel = scheduleOn(clock, callback, 10)
    expect(clock.pending()).toBe(1)
    cancel()
    expect(clock.pending()).toBe(0)
    await clock.advance(20)
    expect(callback).not.toHaveBeenCalled()
  })

  test('uses the global timers for a clock that has none, so fake timers drive it', () => {
    vi.useFakeTimers()
    const callback = vi.fn()
    const nowOnly = { now: () => Date.now() }
    scheduleOn(nowOnly, callback, 10)
    expect(vi.getTimerCount()).toBe(1)
    vi.advanceTimersByTime(10)
    expect(callback).toHaveBeenCalledOnce()
    const cancel = scheduleOn(nowOnly, callback, 10)
    cancel()
    expect(vi.getTimerCount()).toBe(0)
  })

  test('tells full clocks from ones that only read the time', () => {
    expect(hasTimers(createClock(0))).toBe(true)
    expect(hasTimers({ now: () => 0 })).toBe(false)
  })
})
