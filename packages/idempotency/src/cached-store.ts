import { Lru } from '@sluice/core'
import { checkNumber } from './options-check.ts'
import type { IdempotencyRecord, IdempotencyStore } from './record.ts'

/**
 * Options of {@link cachedStore}.
 *
 * @example
 * const options: CachedStoreOptions = { maxEntries: 500, ttlMs: 300_000 }
 */
export interface CachedStoreOptions {
  /** COMPLETED records kept in this container; the least recently used goes first. Default 1000. */
  readonly maxEntries?: number
  /** How long a cached record answers without asking the store (never past its own expiry). Default 60 000. */
  readonly ttlMs?: number
}

type Cached = { readonly record: IdempotencyRecord; readonly until: number }

/**
 * Keeps COMPLETED records in this container in front of a remote store, so a duplicate that lands on the same
 * warm container is answered with no store call. Only completed records are cached (they do not change until
 * they expire); claims, in-progress records, completes and releases always go to the store, which checks the
 * claim's owner, and only a complete the store accepted is cached.
 *
 * @example
 * const store = cachedStore(dynamoDbStore({ client, tableName: 'idempotency' }), { maxEntries: 500, ttlMs: 300_000 })
 */
export function cachedStore(
  store: IdempotencyStore,
  { maxEntries = 1000, ttlMs = 60_000 }: CachedStoreOptions = {},
): IdempotencyStore {
  const cache = new Lru<Cached>({ maxEntries: checkNumber('maxEntries', maxEntries) })
  checkNumber('ttlMs', ttlMs)
  const remember = (key: string, record: IdempotencyRecord, now: number) =>
    cache.set(key, { record, until: Math.min(now + ttlMs, record.expiry) })

  return {
    claim: async function cachedClaim(request) {
      const hit = cache.get(request.key)
      if (hit !== undefined) {
        if (hit.until >= request.now) return { claimed: false, existing: hit.record }
        cache.delete(request.key)
      }
      const outcome = await store.claim(request)
      if (!outcome.claimed && outcome.existing.status === 'COMPLETED') {
        remember(request.key, outcome.existing, request.now)
      }
      return outcome
    },
    complete: async function cachedComplete(request) {
      const outcome = await store.complete(request)
      // A lost claim wrote nothing: what the store holds is another invocation's record, not this result.
      if (outcome.claimLost) return outcome
      const { key, expiry, inProgressExpiry, payloadHash, result, now, keyFormat } = request
      const resultTooLarge = !outcome.resultStored
      const record: IdempotencyRecord = {
        status: 'COMPLETED',
        expiry,
        inProgressExpiry,
        payloadHash,
        keyFormat,
        result: resultTooLarge ? undefined : result,
        resultTooLarge,
      }
      remember(key, record, now)
      return outcome
    },
    release: async function cachedRelease(key, owner) {
      const outcome = await store.release(key, owner)
      // A lost release deleted nothing, so a completed record cached for the key is still true.
      if (!outcome.claimLost) cache.delete(key)
      return outcome
    },
  }
}
