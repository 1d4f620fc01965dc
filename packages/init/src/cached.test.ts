import { setImmediate as nextTurn } from 'node:timers/promises'
import { after, createClock, type VirtualClock } from '@sluice/testing'
import fc from 'fast-check'
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { cached } from './cached.ts'
import { InitError } from './errors.ts'

let clock: VirtualClock
const unhandled: unknown[] = []
const onUnhandled = (reason: unknown) => unhandled.push(reason)
beforeEach(() => {
  clock = createClock(0)
  process.on('unhandledRejection', onUnhandled)
})
afterEach(() => {
  process.off('unhandledRejection', onUnhandled)
  unhandled.length = 0
})

/** A source that answers v1, v2, … after `delayMs` on the virtual clock, or fails while `failing` is set. */
const source = (delayMs = 0) => {
  const state = { calls: 0, failing: undefined as Error | undefined }
  const fetch = async () => {
    state.calls += 1
    const call = state.calls
    if (delayMs > 0) await after(clock, delayMs)
    if (state.failing) throw state.failing
    return `v${call}`
  }
  return Object.assign(state, { fetch })
}

describe('cached: fetching and TTL', () => {
  test('prefetches at creation and serves the value without fetching again within the TTL', async () => {
    const src = source()
    const config = cached(src.fetch, { ttlMs: 60_000, clock })
    expect(src.calls).toBe(1)
    expect(await config()).toBe('v1')
    await clock.advance(59_999)
    const warm = config()
    expect(warm).toBe(config())
    expect(await warm).toBe('v1')
    expect(src.calls).toBe(1)
  })

  test('prefetch: false waits for the first call; concurrent first calls share one fetch', async () => {
    const src = source(100)
    const config = cached(src.fetch, { ttlMs: 1000, clock, prefetch: false })
    await nextTurn()
    expect(src.calls).toBe(0)
    const calls = Promise.all([config(), config(), config()])
    await clock.advance(100)
    expect(await calls).toEqual(['v1', 'v1', 'v1'])
    expect(src.calls).toBe(1)
  })

  test('background: an expired value is served at once while exactly one refresh runs', async () => {
    const src = source(500)
    const config = cached(src.fetch, { ttlMs: 1000, clock, refresh: 'background' })
    await clock.advance(500)
    expect(await config()).toBe('v1')
    await clock.advance(1000)
    expect(await Promise.all([config(), config(), config()])).toEqual(['v1', 'v1', 'v1'])
    expect(src.calls).toBe(2)
    await clock.advance(500)
    expect(await config()).toBe('v2')
    expect(src.calls).toBe(2)
  })

  test('blocking: an expired value is never served; callers wait for one shared refresh', async () => {
    const src = source(500)
    const config = cached(src.fetch, { ttlMs: 1000, clock, refresh: 'blocking' })
    await clock.advance(500)
    expect(await config()).toBe('v1')
    await clock.advance(1000)
    const calls = Promise.all([config(), config()])
    await clock.advance(500)
    expect(await calls).toEqual(['v2', 'v2'])
    expect(src.calls).toBe(2)
  })

  test('ttlMs: Infinity fetches once, ever', async () => {
    const src = source()
    const config = cached(src.fetch, { ttlMs: Number.POSITIVE_INFINITY, clock })
    await config()
    await clock.advance(365 * 24 * 3600 * 1000)
    expect(await config()).toBe('v1')
    expect(src.calls).toBe(1)
  })

  test('refresh() fetches now and peek() shows the held value without fetching', async () => {
    const src = source()
    const config = cached(src.fetch, { ttlMs: 60_000, clock })
    expect(config.peek()).toBeUndefined()
    await config()
    expect(config.peek()).toBe('v1')
    expect(await config.refresh()).toBe('v2')
    expect(await config()).toBe('v2')
  })

  test('jitter takes a random share of the TTL off, deterministically with a given random source', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 10, max: 100_000 }),
        fc.double({ min: 0, max: 0.99, noNaN: true }),
        fc.double({ min: 0, max: 0.999, noNaN: true }),
        async (ttlMs, jitter, draw) => {
          clock = createClock(0)
          const src = source()
          const config = cached(src.fetch, { ttlMs, jitter, random: () => draw, clock, refresh: 'blocking' })
          await config()
          const expiry = ttlMs * (1 - jitter * draw)
          expect(expiry).toBeGreaterThanOrEqual(ttlMs * (1 - jitter))
          clock.set(Math.ceil(expiry) - 1)
          await config()
          expect(src.calls).toBe(1)
          clock.set(Math.ceil(expiry))
          await config()
          expect(src.calls).toBe(2)
        },
      ),
      { numRuns: 60 },
    )
  })
})

describe('cached: failures', () => {
  test('a failed first fetch throws FETCH_FAILED with the cause, is not kept, and the next call retries', async () => {
    const src = source()
    src.failing = new Error('ECONNRESET')
    const config = cached(src.fetch, { ttlMs: 1000, clock, name: 'feature flags' })
    const error = await config().catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(InitError)
    expect(error).toMatchObject({ code: 'FETCH_FAILED', cause: src.failing })
    expect((error as Error).message).toContain('feature flags')
    src.failing = undefined
    expect(await config()).toBe('v2')
  })

  test('a fetcher that throws synchronously is retried too', async () => {
    let calls = 0
    const config = cached(
      () => {
        calls += 1
        if (calls === 1) throw new TypeError('bad url')
        return 'ok'
      },
      { ttlMs: 1000, clock },
    )
    await expect(config()).rejects.toMatchObject({ code: 'FETCH_FAILED', cause: { name: 'TypeError' } })
    expect(await config()).toBe('ok')
  })

  test("a fetcher's own InitError is passed on as it is", async () => {
    const own = new InitError('missing /app/x', { code: 'SSM_PARAMETERS_INVALID', names: ['/app/x'] })
    const config = cached(() => Promise.reject(own), { ttlMs: 1000, clock })
    await expect(config()).rejects.toBe(own)
  })

  test('a failing prefetch nobody awaits is no unhandled rejection; onError hears of it', async () => {
    const onError = vi.fn(() => {
      throw new Error('a broken logger must not crash either')
    })
    cached(() => Promise.reject(new Error('SSM throttled')), { ttlMs: 1000, clock, onError })
    await nextTurn()
    await nextTurn()
    expect(unhandled).toEqual([])
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'FETCH_FAILED' }))
  })

  test('blocking: a failed refresh serves the stale value within staleIfErrorMs of expiry, then throws', async () => {
    const src = source()
    const config = cached(src.fetch, { ttlMs: 1000, staleIfErrorMs: 5000, clock, refresh: 'blocking' })
    expect(await config()).toBe('v1')
    src.failing = new Error('SSM down')
    await clock.advance(1000 + 4999)
    expect(await config()).toBe('v1')
    await clock.advance(1)
    await expect(config()).rejects.toMatchObject({ code: 'FETCH_FAILED', cause: src.failing })
    src.failing = undefined
    expect(await config()).toBe('v4')
  })

  test('background: failed refreshes keep serving stale within the bound; past it the call waits and throws', async () => {
    const src = source()
    const config = cached(src.fetch, { ttlMs: 1000, staleIfErrorMs: 5000, clock })
    await config()
    src.failing = new Error('SSM down')
    await clock.advance(2000)
    expect(await config()).toBe('v1') // starts a refresh that fails behind it
    await nextTurn()
    expect(await config()).toBe('v1') // failed, but within 5 s of expiry: stale, one more try behind it
    await clock.advance(4000)
    await expect(config()).rejects.toMatchObject({ code: 'FETCH_FAILED' })
    expect(unhandled).toEqual([])
  })

  test('staleIfErrorMs 0 (the default): once a refresh failed, the next expired call waits and throws', async () => {
    const src = source()
    const config = cached(src.fetch, { ttlMs: 1000, clock })
    await config()
    src.failing = new Error('gone')
    await clock.advance(1000)
    expect(await config()).toBe('v1')
    await nextTurn()
    await expect(config()).rejects.toMatchObject({ code: 'FETCH_FAILED' })
  })

  test('lastFetch records start, duration on the clock, phase and outcome', async () => {
    const src = source(250)
    const config = cached(src.fetch, { ttlMs: 1000, clock })
    expect(config.lastFetch).toBeUndefined()
    await clock.advance(250)
    await config()
    expect(config.lastFetch).toEqual({ startedAt: 0, durationMs: 250, phase: 'init', ok: true })
  })
})

describe('cached: bad input', () => {
  test.each([
    [{ ttlMs: 0 }, 'ttlMs'],
    [{ ttlMs: -1 }, 'ttlMs'],
    [{ ttlMs: Number.NaN }, 'ttlMs'],
    [{ ttlMs: '60' as unknown as number }, 'ttlMs'],
    [{ ttlMs: 1000, staleIfErrorMs: -1 }, 'staleIfErrorMs'],
    [{ ttlMs: 1000, jitter: 1 }, 'jitter'],
    [{ ttlMs: 1000, jitter: -0.1 }, 'jitter'],
    [{ ttlMs: 1000, jitter: Number.NaN }, 'jitter'],
    [{ ttlMs: Number.NEGATIVE_INFINITY }, 'ttlMs'],
    [{ ttlMs: 1000, staleIfErrorMs: Number.NaN }, 'staleIfErrorMs'],
    [{ ttlMs: 1000, refresh: 'lazy' as 'blocking' }, 'refresh'],
  ])('%o throws INIT_INVALID_OPTION at %s', (options, path) => {
    expect(() => cached(() => 1, options)).toThrow(
      expect.objectContaining({ code: 'INIT_INVALID_OPTION', path: [path] }),
    )
  })

  test('the message names the option and the value refused', () => {
    expect(() => cached(() => 1, { ttlMs: Number.NaN })).toThrow(
      'Invalid option `ttlMs`: pass a number of ms > 0, or Infinity for never, got NaN',
    )
  })

  test('Infinity means never, for ttlMs and staleIfErrorMs', () => {
    expect(() =>
      cached(() => 1, { ttlMs: Number.POSITIVE_INFINITY, staleIfErrorMs: Number.POSITIVE_INFINITY }),
    ).not.toThrow()
  })

  test('a fetcher that is not a function, or no options, throw INIT_INVALID_OPTION', () => {
    const untyped = cached as (fetcher: unknown, options?: unknown) => unknown
    expect(() => untyped('x', { ttlMs: 1 })).toThrow(expect.objectContaining({ path: ['fetcher'] }))
    expect(() => untyped(() => 1)).toThrow(expect.objectContaining({ path: ['options'] }))
  })
})

describe('cached: options under hostile input', () => {
  test('any value of any option gives a cache or an INIT_INVALID_OPTION naming it, never another error', () => {
    const anyValue = fc.oneof(
      fc.anything(),
      fc.double(),
      fc.constantFrom(Number.NaN, Number.NEGATIVE_INFINITY),
    )
    fc.assert(
      fc.property(
        fc.record(
          {
            ttlMs: anyValue,
            staleIfErrorMs: anyValue,
            jitter: anyValue,
            refresh: anyValue,
            random: anyValue,
          },
          { requiredKeys: [] },
        ),
        (options) => {
          try {
            cached(() => 1, { prefetch: false, ...options } as never)
          } catch (error) {
            expect(error).toBeInstanceOf(InitError)
            expect(error).toMatchObject({ code: 'INIT_INVALID_OPTION' })
            expect(['ttlMs', ...Object.keys(options)]).toContain((error as InitError).path?.[0])
          }
        },
      ),
      { numRuns: 500 },
    )
  })
})
