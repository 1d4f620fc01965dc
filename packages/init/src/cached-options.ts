import type { Clock } from '@sluice/core'
import { monotonicClock } from './clock.ts'
import { checkFunction, checkMs, checkOneOf, checkShare, InitError } from './errors.ts'

/**
 * How an expired value is renewed:
 * - `background`: `get()` returns the expired value at once and one refresh runs behind it;
 * - `blocking`: `get()` waits for the refresh.
 */
export type RefreshMode = 'background' | 'blocking'

/** Options of `cached()` (and of the AWS helpers built on it). */
export interface CachedOptions {
  /** How long a fetched value is fresh, in ms (> 0; `Infinity` never expires). */
  readonly ttlMs: number
  /** What `get()` does once the value expired. Default `background`. */
  readonly refresh?: RefreshMode
  /** How long past expiry a value may still be served when refreshing it fails, in ms. Default 0. */
  readonly staleIfErrorMs?: number
  /** Fraction (0 ≤ jitter < 1) of `ttlMs` taken off at random, so many containers do not expire together. Default 0. */
  readonly jitter?: number
  /** Random source for `jitter`, returning [0, 1). Default `Math.random`. */
  readonly random?: () => number
  /** Time source. Default the monotonic `performance` clock. */
  readonly clock?: Pick<Clock, 'now'>
  /** Start fetching at creation, so a module-scope `cached()` fetches during INIT. Default true. */
  readonly prefetch?: boolean
  /** Names the value in error messages and timings. Default `cached value`. */
  readonly name?: string
  /** Told of every failed fetch, also those nobody awaited (a prefetch, a background refresh); for logging. */
  readonly onError?: (error: InitError) => void
}

/** {@link CachedOptions} with defaults applied and ranges checked. */
export type ResolvedCachedOptions = Required<Omit<CachedOptions, 'onError'>> & Pick<CachedOptions, 'onError'>

const MODES: ReadonlySet<string> = new Set<RefreshMode>(['background', 'blocking'])

/**
 * Applies defaults and checks ranges; bad input throws `INIT_INVALID_OPTION` with `path` naming the option.
 *
 * @example
 * resolveCachedOptions({ ttlMs: 60_000 }).refresh // 'background'
 */
export function resolveCachedOptions(options: CachedOptions): ResolvedCachedOptions {
  if (typeof options !== 'object' || options === null) {
    throw new InitError('cached() needs options with at least ttlMs, e.g. { ttlMs: 300_000 }', {
      code: 'INIT_INVALID_OPTION',
      path: ['options'],
    })
  }
  const resolved = {
    ttlMs: options.ttlMs,
    refresh: options.refresh ?? 'background',
    staleIfErrorMs: options.staleIfErrorMs ?? 0,
    jitter: options.jitter ?? 0,
    random: options.random ?? Math.random,
    clock: options.clock ?? monotonicClock,
    prefetch: options.prefetch ?? true,
    name: options.name ?? 'cached value',
    onError: options.onError,
  }
  checkMs('ttlMs', resolved.ttlMs, { positive: true })
  checkMs('staleIfErrorMs', resolved.staleIfErrorMs, { positive: false })
  checkOneOf('refresh', resolved.refresh, MODES, "'background' or 'blocking'")
  checkShare('jitter', resolved.jitter)
  checkFunction('random', resolved.random)
  if (resolved.onError !== undefined) checkFunction('onError', resolved.onError)
  return resolved
}
