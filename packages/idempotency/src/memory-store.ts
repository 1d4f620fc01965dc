import { Lru } from '@sluice/core'
import { checkNumber } from './options-check.ts'
import { type IdempotencyRecord, type IdempotencyStore, isReplaceable } from './record.ts'

const STORED = { resultStored: true } as const

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
  const records = new Lru<IdempotencyRecord>({ maxEntries: checkNumber('maxEntries', maxEntries) })
  return {
    claim: async function memoryClaim({ key, now, inProgressExpiry, expiry, payloadHash, keyFormat }) {
      const existing = records.get(key)
      if (existing !== undefined && !isReplaceable(existing, now)) return { claimed: false, existing }
      records.set(key, { status: 'IN_PROGRESS', expiry, inProgressExpiry, payloadHash, keyFormat })
      return { claimed: true }
    },
    complete: async function memoryComplete(request) {
      const { key, expiry, inProgressExpiry, payloadHash, result, keyFormat } = request
      records.set(key, { status: 'COMPLETED', expiry, inProgressExpiry, payloadHash, result, keyFormat })
      return STORED
    },
    release: async function memoryRelease(key) {
      records.delete(key)
    },
  }
}
