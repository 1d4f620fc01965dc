import { lambda, type Middleware } from '@sluice/core'
import { createContext, hang, invoke } from '@sluice/testing'
import { describe, expect, test, vi } from 'vitest'
import { useFakeTimersFrom } from '../test-support/fake-timers.ts'
import { settledValue } from '../test-support/settled-value.ts'
import { TimeoutError, TimeoutOptionError } from './errors.ts'
import { sleep } from './sleep.ts'
import { timeout } from './timeout.ts'

useFakeTimersFrom(1_000_000)

type Order = { id: string }

describe('timeout().wrap() guards the whole chain', () => {
  test('fires during a before middleware that never finishes: the handler never runs', async () => {
    const log: string[] = []
    const guard = timeout({ onTimeout: (request) => ({ timedOut: (request.event as Order).id }) })
    const stuck: Middleware = {
      before: function stuckBefore() {
        return hang()
      },
    }
    const handler = guard.wrap(
      lambda<Order>()
        .use(guard)
        .use(stuck)
        .handler(() => {
          log.push('handler')
          return { ok: true }
        }),
    )
    const outcome = settledValue(handler({ id: 'o-1' }, createContext({ timeoutMs: 3_000 })))
    await vi.advanceTimersByTimeAsync(2_499)
    expect(outcome.done).toBe(false)
    await vi.advanceTimersByTimeAsync(1)
    expect(outcome).toEqual({ done: true, value: { timedOut: 'o-1' } })
    expect(log).toEqual([])
    expect(vi.getTimerCount()).toBe(0)
  })

  test('fires during the handler: aborts the signal with the TimeoutError and answers with onTimeout', async () => {
    const seen: unknown[] = []
    const guard = timeout({ onTimeout: (_request, error) => ({ code: error.code, margin: error.marginMs }) })
    const handler = guard.wrap(
      lambda<Order>()
        .use(guard)
        .handler(async (_event, context) => {
          context.timeout.signal.addEventListener('abort', () => seen.push(context.timeout.signal.reason))
          return hang()
        }),
    )
    const outcome = settledValue(handler({ id: 'o-2' }, createContext({ timeoutMs: 3_000 })))
    await vi.advanceTimersByTimeAsync(2_500)
    expect(outcome.value).toEqual({ code: 'TIMEOUT', margin: 500 })
    expect(seen).toHaveLength(1)
    expect(seen[0]).toBeInstanceOf(TimeoutError)
    expect(vi.getTimerCount()).toBe(0)
  })

  test('fires during an after middleware; what the handler returned is visible to onTimeout', async () => {
    const guard = timeout({ onTimeout: (request) => ({ partial: request.response }) })
    const slowAfter: Middleware = {
      after: function slowAfter() {
        return hang()
      },
    }
    const handler = guard.wrap(
      lambda<Order>()
        .use(guard)
        .use(slowAfter)
        .handler(async () => 'computed'),
    )
    const outcome = settledValue(handler({ id: 'o-3' }, createContext({ timeoutMs: 3_000 })))
    await vi.advanceTimersByTimeAsync(2_500)
    expect(outcome.value).toEqual({ partial: 'computed' })
    expect(vi.getTimerCount()).toBe(0)
  })

  test('without onTimeout the invocation fails with a TimeoutError (code TIMEOUT, status 504)', async () => {
    const guard = timeout()
    const handler = guard.wrap(lambda().use(guard).handler(hang))
    const outcome = settledValue(handler({}, createContext({ timeoutMs: 3_000 })))
    await vi.advanceTimersByTimeAsync(2_500)
    expect(outcome.error).toBeInstanceOf(TimeoutError)
    expect(outcome.error).toMatchObject({ code: 'TIMEOUT', status: 504, expose: false, marginMs: 500 })
    expect((outcome.error as TimeoutError).deadline).toBe(1_003_000)
  })

  test('a handler that settles after the guard fired never produces a second response', async () => {
    const onTimeout = vi.fn(() => 'timeout response')
    const guard = timeout({ onTimeout })
    let finishLate: (value: string) => void = () => {}
    let failLate: (error: Error) => void = () => {}
    // The late result and the late failure arrive while the cleanup (100 ms) is still running.
    const slowCleanup = (context: { timeout: { onCleanup(fn: () => unknown): unknown } }) =>
      context.timeout.onCleanup(() => sleep(100))
    const late = lambda()
      .use(guard)
      .handler((_event, context) => {
        slowCleanup(context)
        return new Promise<string>((resolve) => (finishLate = resolve))
      })
    const failing = lambda()
      .use(guard)
      .handler((_event, context) => {
        slowCleanup(context)
        return new Promise<string>((_resolve, reject) => (failLate = reject))
      })
    const first = settledValue(guard.wrap(late)({}, createContext({ timeoutMs: 3_000 })))
    const second = settledValue(guard.wrap(failing)({}, createContext({ timeoutMs: 3_000 })))
    const unhandled = vi.fn()
    process.on('unhandledRejection', unhandled)
    await vi.advanceTimersByTimeAsync(2_550)
    finishLate('late result')
    failLate(new Error('late failure'))
    await vi.advanceTimersByTimeAsync(10_000)
    process.off('unhandledRejection', unhandled)
    expect(first).toEqual({ done: true, value: 'timeout response' })
    expect(second).toEqual({ done: true, value: 'timeout response' })
    expect(onTimeout).toHaveBeenCalledTimes(2)
    expect(unhandled).not.toHaveBeenCalled()
  })

  test('a fast invocation answers normally and leaves no timer behind, on success and on error', async () => {
    const guard = timeout({ onTimeout: () => 'timeout' })
    const ok = guard.wrap(
      lambda()
        .use(guard)
        .handler(async () => 'ok'),
    )
    const fails = guard.wrap(
      lambda()
        .use(guard)
        .handler(async () => {
          throw new Error('boom')
        }),
    )
    const earlyAnswer: Middleware = {
      before: function cacheHit() {
        return 'cached'
      },
    }
    const early = guard.wrap(
      lambda()
        .use(guard)
        .use(earlyAnswer)
        .handler(async () => 'not reached'),
    )
    expect(await ok({}, createContext())).toBe('ok')
    await expect(fails({}, createContext())).rejects.toThrow('boom')
    expect(await early({}, createContext())).toBe('cached')
    expect(vi.getTimerCount()).toBe(0)
  })

  test('answers before Lambda would kill the invocation (invoke() enforces the function timeout)', async () => {
    const guard = timeout({ onTimeout: () => 'timeout' })
    const handler = guard.wrap(lambda().use(guard).handler(hang))
    const [result] = await Promise.all([
      invoke(handler, {}, { timeoutMs: 3_000 }),
      vi.advanceTimersByTimeAsync(3_000),
    ])
    expect(result).toBe('timeout')
  })
})

describe('bad input', () => {
  test('a margin that leaves no time to work fails the invocation with TIMEOUT_MARGIN_TOO_LARGE', async () => {
    const guard = timeout({ marginMs: 3_000 })
    const handler = guard.wrap(
      lambda()
        .use(guard)
        .handler(async () => 'ok'),
    )
    const error = await handler({}, createContext({ timeoutMs: 3_000 })).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(TimeoutOptionError)
    expect(error).toMatchObject({ code: 'TIMEOUT_MARGIN_TOO_LARGE' })
    expect(vi.getTimerCount()).toBe(0)
  })

  test('a context without getRemainingTimeInMillis has no deadline: no timer, remaining() is Infinity', async () => {
    const guard = timeout()
    const handler = guard.wrap(
      lambda()
        .use(guard)
        .handler(async (_event, context) => context.timeout.remaining()),
    )
    const pending = handler({}, {} as never)
    expect(vi.getTimerCount()).toBe(0)
    expect(await pending).toBe(Number.POSITIVE_INFINITY)
  })
})
