import { describe, expect, test } from 'vitest'
import { storeAcceptance } from '../test-support/acceptance.ts'
import { countingStore } from '../test-support/counting-store.ts'
import { ownershipSuite } from '../test-support/ownership.ts'
import { memoryStore } from './memory-store.ts'
import type { IdempotencyStore } from './record.ts'

describe('memoryStore: acceptance', () => {
  const counted = countingStore(memoryStore())
  storeAcceptance({ store: () => counted.store, calls: () => counted.calls.length })
})

describe('memoryStore: only the claim’s owner completes or releases', () => {
  ownershipSuite(() => memoryStore(), 300)
})

describe('memoryStore', () => {
  const now = 1_000_000
  const claim = (store: IdempotencyStore, key: string, at = now) =>
    store.claim({ key, owner: `owner-${at}`, now: at, inProgressExpiry: at + 1000, expiry: at + 60_000 })

  test('keeps at most maxEntries records, dropping the least recently used', async () => {
    const store = memoryStore({ maxEntries: 2 })
    await claim(store, 'a')
    await claim(store, 'b')
    expect(await claim(store, 'a')).toMatchObject({ claimed: false }) // 'a' is now the most recent
    await claim(store, 'c') // drops 'b'
    expect(await claim(store, 'b')).toEqual({ claimed: true })
    expect(await claim(store, 'c')).toMatchObject({ claimed: false, existing: { status: 'IN_PROGRESS' } })
  })

  test('an in-progress record can be taken over only after its in-progress expiry', async () => {
    const store = memoryStore()
    await claim(store, 'k')
    expect(await claim(store, 'k', now + 1000)).toMatchObject({ claimed: false })
    expect(await claim(store, 'k', now + 1001)).toEqual({ claimed: true })
  })

  test('rejects a maxEntries that is not a positive whole number', () => {
    expect(() => memoryStore({ maxEntries: 0 })).toThrow(
      expect.objectContaining({ code: 'IDEMPOTENCY_INVALID_OPTION' }),
    )
  })
})
