import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { anyValueProperty, forms, keyPairProperty } from '../test-support/key-oracle.ts'
import { canonicalJson } from './canonical-json.ts'
import { memoryStore } from './memory-store.ts'

// The property tests of issue 17 on the in-process parts and the memory store (500 runs each); the Redis and
// DynamoDB Local test files run the same properties on real servers.
const RUNS = 500

describe.each(Object.entries(forms))('%s on the memory store', (_name, form) => {
  test('two keys share a result exactly when they mean the same key; empty and invalid keys are refused (property)', async () => {
    await fc.assert(
      keyPairProperty(form, () => memoryStore()),
      { numRuns: RUNS },
    )
  })

  test('any value as a key gets a result or an IdempotencyError, never another throw (property)', async () => {
    await fc.assert(
      anyValueProperty(form, () => memoryStore()),
      { numRuns: RUNS },
    )
  })
})

describe('keys whose reading throws something unreadable', () => {
  test('a getter that throws a revoked Proxy is IDEMPOTENCY_KEY_INVALID at its path, never a raw TypeError', () => {
    const { proxy, revoke } = Proxy.revocable({}, {})
    revoke()
    const key = {
      get orderId(): string {
        throw proxy
      },
    }
    expect(() => canonicalJson({ order: key })).toThrow(
      expect.objectContaining({ code: 'IDEMPOTENCY_KEY_INVALID', path: ['order', 'orderId'] }),
    )
  })
})
