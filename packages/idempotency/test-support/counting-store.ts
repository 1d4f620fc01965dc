import type { IdempotencyStore } from '../src/record.ts'

/** Wraps a store and counts every call made to it, by method. */
export function countingStore(store: IdempotencyStore) {
  const calls: string[] = []
  const counted: IdempotencyStore = {
    claim(request) {
      calls.push('claim')
      return store.claim(request)
    },
    complete(request) {
      calls.push('complete')
      return store.complete(request)
    },
    release(key, owner) {
      calls.push('release')
      return store.release(key, owner)
    },
  }
  return { store: counted, calls }
}
