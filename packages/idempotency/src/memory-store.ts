import { Lru } from '@sluice/core'
import { checkNumber } from './options-check.ts'
import { type IdempotencyRecord, type IdempotencyStore, isReplaceable } from './record.ts'

const STORED = { resultStored: true, claimLost: false } as const
const LOST = { resultStored: false, claimLost: true } as const
const RELEASED = { claimLost: false } as const
const NOT_RELEASED = { claimLost: true } as const

// The owner token stays beside the record rather than in it: a duplicate gets the record, never the token.
type Held = { readonly record: IdempotencyRecord; readonly owner: string }

/**
 * Options of {@link memoryStore}.
 *
 * @example
 * const options: MemoryStoreOptions = { maxEntries: 500 }
 */
export interface MemoryStoreOptions {
  /** Records kept; the least recently used goes first. Default 1000. */
  readonly maxEntries?: number
}

/**
 * The embedded store: records in this container's memory, bounded (LRU). It deduplicates retries that land on
 * the same warm container only — use it for tests, demos and single-container functions, and a remote store
 * (DynamoDB, Redis) wherever several containers may receive the same request.
 *
 * @example
 * export const handler = lambda<Order>()
 *   .use(idempotency({ key: (order) => order.id, store: memoryStore({ maxEntries: 500 }) }))
 *   .handler(charge)
 */
export function memoryStore({ maxEntries = 1000 }: MemoryStoreOptions = {}): IdempotencyStore {
  const records = new Lru<Held>({ maxEntries: checkNumber('maxEntries', maxEntries) })
  // Each call reads and writes in one synchronous step, so two invocations of this worker never interleave in it.
  return {
    claim: async function memoryClaim({ key, owner, now, inProgressExpiry, expiry, payloadHash, keyFormat }) {
      const existing = records.get(key)?.record
      if (existing !== undefined && !isReplaceable(existing, now)) return { claimed: false, existing }
      records.set(key, {
        record: { status: 'IN_PROGRESS', expiry, inProgressExpiry, payloadHash, keyFormat },
        owner,
      })
      return { claimed: true }
    },
    complete: async function memoryComplete(request) {
      const { key, owner, expiry, inProgressExpiry, payloadHash, result, keyFormat } = request
      if (records.peek(key)?.owner !== owner) return LOST
      const record: IdempotencyRecord = {
        status: 'COMPLETED',
        expiry,
        inProgressExpiry,
        payloadHash,
        result,
        keyFormat,
      }
      records.set(key, { record, owner })
      return STORED
    },
    release: async function memoryRelease(key, owner) {
      const held = records.peek(key)
      if (held?.owner !== owner || held.record.status !== 'IN_PROGRESS') return NOT_RELEASED
      records.delete(key)
      return RELEASED
    },
  }
}
