import middy from '@middy/core'
import { createClock, createContext, hang, invoke } from '@sluice/testing'
import { afterEach, describe, expect, test, vi } from 'vitest'
import { settledValue } from '../test-support/settled-value.ts'
import type { TimeoutContext } from './guard.ts'
import { sleep } from './sleep.ts'
import { timeout } from './timeout.ts'
import { withTimeout } from './with-timeout.ts'

afterEach(() => {
  vi.useRealTimers()
})

describe('withTimeout on the virtual clock', () => {
  test('a plain handler that ignores its signal is answered by onTimeout before invoke() times it out', async () => {
    const clock = createClock(0)
    const handler = withTimeout(async (event: { id: string }) => hang().then(() => event.id), {
      clock,
      onTimeout: (request) => ({ retry: (request.event as { id: string }).id }),
    })
    const context = createContext({ timeoutMs: 1_000, clock })
    const outcome = settledValue(invoke(handler, { id: 'a-1' }, { context, clock }))
    await clock.advance(499)
    expect(outcome.done).toBe(false)
    await clock.advance(1)
    expect(outcome).toEqual({ done: true, value: { retry: 'a-1' } })
    expect(clock.pending()).toBe(0)
  })

  test('sync results and sync throws pass straight through and clear the timer', async () => {
    const clock = createClock(0)
    const returns = withTimeout(() => 42, { clock })
    const throws = withTimeout(
      () => {
        throw new TypeError('bad event')
      },
      { clock },
    )
    expect(await returns({}, createContext({ clock }))).toBe(42)
    await expect(throws({}, createContext({ clock }))).rejects.toThrow(TypeError)
    expect(clock.pending()).toBe(0)
  })
})

describe('withTimeout around a middy handler with timeout() inside', () => {
  test('they share one guard: one timer, and onTimeout sees the middy request as far as it got', async () => {
    vi.useFakeTimers({ now: 0 })
    const inner = middy<{ id: string }>()
      .use(timeout({ marginMs: 50 })) // joins the outer guard; its own options do not apply
      .use({
        before: (request) => {
          request.internal.step = 'charged card'
        },
      })
      .handler(async (_event, context) => {
        await sleep(60_000, { signal: (context as unknown as TimeoutContext).timeout.signal })
      })
    const handler = withTimeout(inner, {
      onTimeout: (request) => ({
        id: (request.event as { id: string }).id,
        step: (request.internal as { step?: string }).step,
      }),
    })
    const outcome = settledValue(handler({ id: 'p-7' }, createContext({ timeoutMs: 3_000 })))
    await vi.advanceTimersByTimeAsync(0)
    expect(vi.getTimerCount()).toBe(2) // the guard and the handler's own sleep
    await vi.advanceTimersByTimeAsync(2_500)
    expect(outcome.value).toEqual({ id: 'p-7', step: 'charged card' })
    expect(vi.getTimerCount()).toBe(0)
  })
})
