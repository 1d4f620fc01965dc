import { phase } from '@sluice/core'
import { type CachedOptions, resolveCachedOptions } from './cached-options.ts'
import { checkFunction, InitError } from './errors.ts'
import { inside, type LoaderRun, mayWaitOn, settleRun, startRun } from './reentry.ts'

/** One finished fetch, as `awaitInit()` puts it on `context.initTimings.fetches`. */
export interface FetchTiming {
  /** Epoch ms (on the cache's clock) when the fetch started. */
  readonly startedAt: number
  readonly durationMs: number
  /** `init` when it started during module scope (a prefetch), `invoke` after (as `phase()` of @sluice/core says). */
  readonly phase: 'init' | 'invoke'
  readonly ok: boolean
}

/** The accessor `cached()` returns: call it for the value. */
export interface Cached<TValue> {
  /** The value: fresh at once; expired per `refresh`; a failure as an `InitError` (see `cached()`). */
  (): Promise<TValue>
  /** The value held now, fresh or expired, without fetching; `undefined` before the first success. */
  peek(): TValue | undefined
  /** Fetches now (or joins the fetch in flight) and waits for it; a failure throws, no stale value. */
  refresh(): Promise<TValue>
  /** The last finished fetch, for logs. */
  readonly lastFetch: FetchTiming | undefined
  readonly name: string
}

type Outcome<TValue> = { ok: true; value: TValue } | { ok: false; error: InitError }

/** Keeps the fetcher's own InitError (it already says what to do); wraps anything else as `FETCH_FAILED`. */
const toFetchError = (name: string, thrown: unknown): InitError => {
  if (thrown instanceof InitError) return thrown
  const reason = thrown instanceof Error ? `${thrown.name}: ${thrown.message}` : String(thrown)
  return new InitError(
    `Fetching ${name} failed (${reason}); check the source and the function's permissions`,
    {
      code: 'FETCH_FAILED',
      cause: thrown,
    },
  )
}

const reentered = (name: string): InitError =>
  new InitError(
    `The fetcher of ${name} reached its own accessor (directly, or through values it waits on) and would wait ` +
      'on its own fetch forever; break the cycle',
    { code: 'CACHED_REENTERED' },
  )

/**
 * A value fetched once per TTL and shared by every invocation of the container: config, secrets, feature flags.
 * Created at module scope it starts fetching during INIT. At most one fetch runs at a time (no stampede). Once
 * the value expires, `background` returns it at once and refreshes behind it; `blocking` waits. If a refresh
 * fails, the old value is served while within `staleIfErrorMs` of its expiry; past that the call throws
 * (`FETCH_FAILED`, the fetcher's error as `cause`). A failed fetch is never kept and never becomes an unhandled
 * rejection: the next call tries again. A fetcher that would wait on its own fetch (it reaches its own accessor,
 * at once or after an await, directly or through other `cached()`/`once()` values) fails with `CACHED_REENTERED`.
 *
 * @example
 * const flags = cached(async () => (await fetch(FLAGS_URL)).json(), { ttlMs: 60_000, staleIfErrorMs: 600_000 })
 * export const handler = async () => ((await flags()).newCheckout ? 'new' : 'old')
 */
export function cached<$Value>(fetcher: () => $Value, options: CachedOptions): Cached<Awaited<$Value>> {
  checkFunction('fetcher', fetcher)
  const { ttlMs, refresh, staleIfErrorMs, jitter, random, clock, prefetch, name, onError } =
    resolveCachedOptions(options)
  type Value = Awaited<$Value>
  let value: Value | undefined
  let resolved: Promise<Value> | undefined // the warm path returns this same settled promise
  let expiresAt = Number.NEGATIVE_INFINITY
  let failed = false // the last fetch failed and none succeeded since
  let inflight: Promise<Outcome<Value>> | undefined
  let fetching: LoaderRun | undefined // the run of the fetch in flight
  let lastFetch: FetchTiming | undefined

  function finish(startedAt: number, startedIn: 'init' | 'invoke', ok: boolean): number {
    const now = clock.now()
    lastFetch = { startedAt, durationMs: now - startedAt, phase: startedIn, ok }
    inflight = undefined
    if (fetching !== undefined) settleRun(fetching)
    fetching = undefined
    failed = !ok
    return now
  }

  /** Starts a fetch, or joins the one in flight; `waited` when the caller waits for it (not a background refresh). */
  function start(waited: boolean): Promise<Outcome<Value>> {
    if (inflight !== undefined) {
      if (waited && fetching !== undefined && !mayWaitOn(fetching)) throw reentered(name)
      return inflight
    }
    const startedAt = clock.now()
    const startedIn = phase()
    const run = startRun(waited)
    // `inflight` is set before the fetcher runs, so that a call from its synchronous part joins this fetch.
    const fetched = Promise.withResolvers<Value>()
    const current = fetched.promise.then(
      function cachedFetched(fresh): Outcome<Value> {
        const now = finish(startedAt, startedIn, true)
        value = fresh
        resolved = Promise.resolve(fresh)
        expiresAt = now + ttlMs * (1 - jitter * random())
        return { ok: true, value: fresh }
      },
      function cachedFetchFailed(thrown: unknown): Outcome<Value> {
        finish(startedAt, startedIn, false)
        const error = toFetchError(name, thrown)
        try {
          onError?.(error)
        } catch {
          // A throwing log hook must not turn into an unhandled rejection of a fetch nobody awaits.
        }
        return { ok: false, error }
      },
    )
    inflight = current
    fetching = run
    // The async wrapper turns a synchronous throw into a rejection.
    fetched.resolve(inside(run, async (): Promise<Value> => await fetcher()))
    return current
  }

  async function renew(now: number): Promise<Value> {
    if (resolved === undefined) {
      const first = await start(true)
      if (first.ok) return first.value
      throw first.error
    }
    const held = value as Value
    const pastErrorBound = now >= expiresAt + staleIfErrorMs
    if (refresh === 'background' && !(failed && pastErrorBound)) {
      void start(false)
      return held
    }
    const outcome = await start(true)
    if (outcome.ok) return outcome.value
    if (clock.now() < expiresAt + staleIfErrorMs) return held
    throw outcome.error
  }

  const accessor = function cachedAccessor(): Promise<Value> {
    const now = clock.now()
    if (resolved !== undefined && now < expiresAt) return resolved
    return renew(now)
  }
  if (prefetch) void start(false)
  return Object.defineProperties(accessor, {
    peek: { value: () => value },
    refresh: {
      value: async () => {
        const outcome = await start(true)
        if (outcome.ok) return outcome.value
        throw outcome.error
      },
    },
    lastFetch: { get: () => lastFetch, enumerable: true },
    name: { value: name, enumerable: true },
  }) as Cached<Value>
}
