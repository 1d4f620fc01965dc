import { lambda, type Middleware } from '@sluice/core'
import { createContext, hang } from '@sluice/testing'
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { settledValue } from '../test-support/settled-value.ts'
import { TimeoutError } from './errors.ts'
import { sleep } from './sleep.ts'
import { timeout } from './timeout.ts'
import { withTimeout } from './with-timeout.ts'

// Fake timers drive both the guard (global setTimeout) and the fake context (its clock reads Date.now()).
beforeEach(() => {
  vi.useFakeTimers({ now: 1_000_000 })
})
afterEach(() => {
  vi.useRealTimers()
  vi.unstubAllGlobals()
})

describe('cleanups and flushing', () => {
  test('cleanups run when the guard fires and are awaited before the response', async () => {
    const log: string[] = []
    const guard = timeout({
      onTimeout: () => {
        log.push('respond')
        return 'timeout'
      },
      flush: [() => log.push('flush')],
    })
    const handler = guard.wrap(
      lambda()
        .use(guard)
        .handler(async (_event, context) => {
          context.timeout.onCleanup(async () => {
            await sleep(100)
            log.push('checkpoint saved')
          })
          const unregister = context.timeout.onCleanup(() => log.push('never'))
          unregister()
          return hang()
        }),
    )
    const outcome = settledValue(handler({}, createContext({ timeoutMs: 3_000 })))
    await vi.advanceTimersByTimeAsync(2_500)
    expect(log).toEqual([])
    await vi.advanceTimersByTimeAsync(100)
    expect(log).toEqual(['checkpoint saved', 'flush', 'respond'])
    expect(outcome.value).toBe('timeout')
    expect(vi.getTimerCount()).toBe(0)
  })

  test('cleanups are bounded: one that never ends is given up at half the margin, its failure is reported', async () => {
    const guard = timeout({
      onTimeout: (_request, error) => ({ unfinished: error.unfinishedCleanups, errors: error.cleanupErrors }),
    })
    const handler = guard.wrap(
      lambda()
        .use(guard)
        .handler(async (_event, context) => {
          context.timeout.onCleanup(hang)
          context.timeout.onCleanup(() => {
            throw new Error('cleanup failed')
          })
          return hang()
        }),
    )
    const outcome = settledValue(handler({}, createContext({ timeoutMs: 3_000 })))
    await vi.advanceTimersByTimeAsync(2_500 + 249)
    expect(outcome.done).toBe(false)
    await vi.advanceTimersByTimeAsync(1)
    expect(outcome.value).toEqual({ unfinished: 1, errors: [new Error('cleanup failed')] })
    expect(vi.getTimerCount()).toBe(0)
  })

  test('a hanging log flush is given up when a quarter of the margin is left', async () => {
    const guard = timeout({ onTimeout: () => 'timeout', flush: [hang] })
    const handler = guard.wrap(lambda().use(guard).handler(hang))
    const outcome = settledValue(handler({}, createContext({ timeoutMs: 3_000 })))
    await vi.advanceTimersByTimeAsync(2_500 + 374)
    expect(outcome.done).toBe(false)
    await vi.advanceTimersByTimeAsync(1)
    expect(outcome.value).toBe('timeout')
    expect(vi.getTimerCount()).toBe(0)
  })

  test('a cleanup registered after the guard fired runs at once, and its failure is not unhandled', async () => {
    const late = vi.fn(async () => {
      throw new Error('late cleanup failed')
    })
    const unhandled = vi.fn()
    process.on('unhandledRejection', unhandled)
    const guard = timeout({ onTimeout: () => 'timeout' })
    const stuck: Middleware = { before: () => sleep(3_000) }
    const handler = guard.wrap(
      lambda()
        .use(guard)
        .use(stuck)
        .handler(async (_event, context) => {
          context.timeout.onCleanup(late)
          return 'late'
        }),
    )
    const outcome = settledValue(handler({}, createContext({ timeoutMs: 3_000 })))
    await vi.advanceTimersByTimeAsync(3_000)
    await new Promise((resolve) => process.nextTick(resolve))
    process.off('unhandledRejection', unhandled)
    expect(outcome.value).toBe('timeout')
    expect(late).toHaveBeenCalledTimes(1)
    expect(unhandled).not.toHaveBeenCalled()
    expect(vi.getTimerCount()).toBe(0)
  })
})

describe('signal and remaining()', () => {
  test('the AbortController is created on first read of context.timeout.signal only', async () => {
    let created = 0
    vi.stubGlobal(
      'AbortController',
      class CountingAbortController extends AbortController {
        constructor() {
          super()
          created += 1
        }
      },
    )
    const unread = withTimeout(async (_event, context) => context.timeout.remaining())
    expect(await unread({}, createContext({ timeoutMs: 3_000 }))).toBe(2_500)
    expect(created).toBe(0)
    const read = withTimeout(async (_event, context) => context.timeout.signal.aborted)
    expect(await read({}, createContext({ timeoutMs: 3_000 }))).toBe(false)
    expect(created).toBe(1)

    // middy makes one controller per request for its own third argument; the guard adds none unless read.
    const guard = timeout()
    const viaLambda = guard.wrap(
      lambda()
        .use(guard)
        .handler(async () => 'ok'),
    )
    const withoutGuard = lambda().handler(async () => 'ok')
    created = 0
    await withoutGuard({}, createContext())
    const middyOwn = created
    created = 0
    await viaLambda({}, createContext())
    expect(created).toBe(middyOwn)
  })

  test('a signal read after the guard fired is already aborted with the TimeoutError', async () => {
    const guard = timeout({ onTimeout: () => 'timeout' })
    let lateSignal: AbortSignal | undefined
    const stuck: Middleware = { before: () => sleep(5_000) }
    const handler = guard.wrap(
      lambda()
        .use(guard)
        .use(stuck)
        .handler(async (_event, context) => {
          lateSignal = context.timeout.signal
          return 'late'
        }),
    )
    const outcome = settledValue(handler({}, createContext({ timeoutMs: 3_000 })))
    await vi.advanceTimersByTimeAsync(5_000)
    expect(outcome.value).toBe('timeout')
    expect(lateSignal?.aborted).toBe(true)
    expect(lateSignal?.reason).toBeInstanceOf(TimeoutError)
  })

  test('remaining() counts down to deadline − margin and stops at 0', async () => {
    const seen: number[] = []
    const guard = timeout({ marginMs: 1_000, marginShare: 0, onTimeout: () => 'timeout' })
    const handler = guard.wrap(
      lambda()
        .use(guard)
        .handler(async (_event, context) => {
          seen.push(context.timeout.remaining())
          await sleep(3_000)
          seen.push(context.timeout.remaining())
          await sleep(7_000, { signal: context.timeout.signal }).catch(() =>
            seen.push(context.timeout.remaining()),
          )
          return 'done'
        }),
    )
    const [result] = await Promise.all([
      handler({}, createContext({ timeoutMs: 10_000 })),
      vi.advanceTimersByTimeAsync(10_000),
    ])
    expect(result).toBe('timeout')
    expect(seen).toEqual([9_000, 6_000, 0])
  })
})
