import middy from '@middy/core'
import { lambda, type Middleware } from '@sluice/core'
import { createContext } from '@sluice/testing'
import { describe, expect, test, vi } from 'vitest'
import { useFakeTimersFrom } from '../test-support/fake-timers.ts'
import { settledValue } from '../test-support/settled-value.ts'
import type { TimeoutContext } from './guard.ts'
import { sleep } from './sleep.ts'
import { timeout } from './timeout.ts'

useFakeTimersFrom(1_000_000)

type Order = { id: string }

describe('timeout() alone, without wrap', () => {
  test('in plain middy: a handler that passes context.timeout.signal on stops at the deadline and onTimeout answers', async () => {
    const handler = middy<Order>()
      .use(timeout({ onTimeout: (request) => ({ timedOut: (request.event as Order).id }) }))
      .handler(async (_event, context) => {
        await sleep(60_000, { signal: (context as unknown as TimeoutContext).timeout.signal })
        return { ok: true }
      })
    const outcome = settledValue(handler({ id: 'o-9' }, createContext({ timeoutMs: 3_000 })))
    await vi.advanceTimersByTimeAsync(2_500)
    expect(outcome).toEqual({ done: true, value: { timedOut: 'o-9' } })
    expect(vi.getTimerCount()).toBe(0)
  })

  test('a result that arrives after the guard fired is replaced by the timeout response', async () => {
    const guard = timeout({ onTimeout: () => 'timeout' })
    const handler = lambda()
      .use(guard)
      .handler(async () => {
        await sleep(2_800) // ignores the signal, finishes before Lambda's kill
        return 'too late'
      })
    const outcome = settledValue(handler({}, createContext({ timeoutMs: 3_000 })))
    await vi.advanceTimersByTimeAsync(2_800)
    expect(outcome.value).toBe('timeout')
    expect(vi.getTimerCount()).toBe(0)
  })

  test('without onTimeout a late result or error becomes a TimeoutError that .catch() sees', async () => {
    const guard = timeout()
    const handler = lambda()
      .use(guard)
      .catch((error) => ({ caught: error.code }))
      .handler(async () => {
        await sleep(2_800)
        throw new Error('gave up late')
      })
    const outcome = settledValue(handler({}, createContext({ timeoutMs: 3_000 })))
    await vi.advanceTimersByTimeAsync(2_800)
    expect(outcome.value).toEqual({ caught: 'TIMEOUT' })
  })

  test('a fast invocation or a failing one clears the timer; the error passes through unchanged', async () => {
    const guard = timeout({ onTimeout: () => 'timeout' })
    expect(
      await lambda()
        .use(guard)
        .handler(async () => 'ok')({}, createContext()),
    ).toBe('ok')
    const failing = lambda()
      .use(guard)
      .handler(async () => {
        throw new Error('boom')
      })
    await expect(failing({}, createContext())).rejects.toThrow('boom')
    expect(vi.getTimerCount()).toBe(0)
  })

  test('already past deadline − margin when it runs (a slow middleware before it): answers at once', async () => {
    const log: string[] = []
    const slow: Middleware = { before: () => sleep(2_600) }
    const handler = lambda()
      .use(slow)
      .use(timeout({ onTimeout: () => 'timeout' }))
      .handler(async () => {
        log.push('handler')
        return 'ok'
      })
    const outcome = settledValue(handler({}, createContext({ timeoutMs: 3_000 })))
    await vi.advanceTimersByTimeAsync(2_600)
    expect(outcome.value).toBe('timeout')
    expect(log).toEqual([])
    expect(vi.getTimerCount()).toBe(0)
  })

  test('the function timeout comes from context.lifecycle, not from what is left when the guard starts', async () => {
    const slow: Middleware = { before: () => sleep(1_000) }
    const guard = timeout({ marginMs: 0, marginShare: 0.5 })
    const withLifecycle = lambda()
      .use(slow)
      .use(guard)
      .handler(async (_event, context) => context.timeout.remaining())
    const [left] = await Promise.all([
      withLifecycle({}, createContext({ timeoutMs: 3_000 })),
      vi.advanceTimersByTimeAsync(1_000),
    ])
    expect(left).toBe(500) // margin 50 % of 3000 = 1500; 3000 − 1000 spent − 1500
  })

  test('a later middleware that answers early leaves the timer armed; when it runs it does nothing', async () => {
    const cleanup = vi.fn()
    const handler = middy()
      .use(timeout({ onTimeout: () => 'timeout' }))
      .use({
        before: (request) => {
          ;(request.context as unknown as TimeoutContext).timeout.onCleanup(cleanup)
          return 'cached'
        },
      })
      .handler(async () => 'not reached')
    expect(await handler({}, createContext({ timeoutMs: 3_000 }))).toBe('cached')
    expect(vi.getTimerCount()).toBe(1) // the documented limit of the middleware alone: use wrap()
    await vi.advanceTimersByTimeAsync(3_000)
    expect(cleanup).not.toHaveBeenCalled()
    expect(vi.getTimerCount()).toBe(0)
  })

  test('the next invocation clears a timer a short-circuited one left behind', async () => {
    let cached = true
    const handler = middy()
      .use(timeout({ onTimeout: () => 'timeout' }))
      .use({ before: () => (cached ? 'cached' : undefined) })
      .handler(async () => 'fresh')
    expect(await handler({}, createContext({ timeoutMs: 3_000 }))).toBe('cached')
    expect(vi.getTimerCount()).toBe(1)
    cached = false
    expect(await handler({}, createContext({ timeoutMs: 3_000 }))).toBe('fresh')
    expect(vi.getTimerCount()).toBe(0)
  })
})
