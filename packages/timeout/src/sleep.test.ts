import { createClock } from '@sluice/testing'
import { describe, expect, test } from 'vitest'
import { settledValue } from '../test-support/settled-value.ts'
import { TimeoutError, TimeoutOptionError } from './errors.ts'
import { sleep } from './sleep.ts'

describe('sleep', () => {
  test('resolves after ms and leaves no timer', async () => {
    const clock = createClock(0)
    const slept = settledValue(sleep(100, { clock }))
    await clock.advance(99)
    expect(slept.done).toBe(false)
    await clock.advance(1)
    expect(slept).toEqual({ done: true, value: undefined })
    expect(clock.pending()).toBe(0)
  })

  test('rejects with the signal reason when it is a TimeoutError, and clears its timer', async () => {
    const clock = createClock(0)
    const controller = new AbortController()
    const slept = settledValue(sleep(1_000, { signal: controller.signal, clock }))
    const reason = new TimeoutError({ deadline: 1_000, marginMs: 100 })
    controller.abort(reason)
    await clock.advance(0)
    expect(slept.error).toBe(reason)
    expect(clock.pending()).toBe(0)
  })

  test('a foreign abort reason becomes a TimeoutError caused by it; an aborted signal rejects at once', async () => {
    const aborted = AbortSignal.abort(new Error('user cancelled'))
    const error = await sleep(1_000, { signal: aborted, clock: createClock(0) }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(TimeoutError)
    expect((error as TimeoutError).cause).toEqual(new Error('user cancelled'))
  })

  test('removes its abort listener when the time is up', async () => {
    const clock = createClock(0)
    const controller = new AbortController()
    const slept = sleep(10, { signal: controller.signal, clock })
    await clock.advance(10)
    await slept
    controller.abort() // would reject an already resolved promise: nothing observable, and no throw
    expect(clock.pending()).toBe(0)
  })

  test.each([-1, Number.NaN, Number.POSITIVE_INFINITY])(
    'rejects ms = %s with TIMEOUT_INVALID_OPTION',
    async (ms) => {
      const error = await sleep(ms).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(TimeoutOptionError)
      expect(error).toMatchObject({ code: 'TIMEOUT_INVALID_OPTION', path: ['ms'] })
    },
  )
})
