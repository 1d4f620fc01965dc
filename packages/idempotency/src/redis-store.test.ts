import fc from 'fast-check'
import type { Redis } from 'ioredis'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { storeAcceptance } from '../test-support/acceptance.ts'
import { anyValueProperty, forms, keyPairProperty } from '../test-support/key-oracle.ts'
import { ownershipSuite } from '../test-support/ownership.ts'
import { boundedRedis, countRedisCalls, startRedis, type TestServer } from '../test-support/servers.ts'
import { redisStore } from './redis-store.ts'

let server: TestServer
let client: Redis
let counter: { readonly calls: string[] }
const spares: Array<{ server: TestServer; client: Redis }> = []

beforeAll(async () => {
  server = await startRedis()
  client = boundedRedis(server.port)
  counter = countRedisCalls(client)
})

afterAll(async () => {
  for (const spare of [{ server, client }, ...spares]) {
    spare.client.disconnect()
    await spare.server.stop()
  }
})

describe.each(Object.entries(forms))('%s on Redis under hostile keys', (_name, form) => {
  test('two keys share a result exactly when they mean the same key (property, 50 runs)', async () => {
    await fc.assert(
      keyPairProperty(form, () => redisStore({ client, prefix: 'oracle:' })),
      { numRuns: 50 },
    )
  })

  test('any value as a key gets a result or an IdempotencyError (property, 50 runs)', async () => {
    await fc.assert(
      anyValueProperty(form, () => redisStore({ client, prefix: 'any:' })),
      { numRuns: 50 },
    )
  })
})

describe('redisStore: acceptance', () => {
  storeAcceptance({
    store: () => redisStore({ client, prefix: 'test:' }),
    calls: () => counter.calls.length,
    freezable: () => ({
      store: redisStore({ client }),
      freeze: async () => server.freeze?.(),
      thaw: () => server.thaw?.(),
    }),
    killable: async () => {
      const spare = { server: await startRedis(), client: undefined as unknown as Redis }
      spare.client = boundedRedis(spare.server.port)
      spares.push(spare)
      return { store: redisStore({ client: spare.client }), kill: () => spare.server.stop() }
    },
  })
})

describe('redisStore: only the claim’s owner completes or releases', () => {
  ownershipSuite(() => redisStore({ client, prefix: 'owner:' }), 50)
})

describe('redisStore', () => {
  const now = Date.UTC(2025, 0, 1)
  const times = { now, inProgressExpiry: now + 1000, expiry: now + 60_000 }

  test('claims, completes and releases with one EVALSHA each', async () => {
    const store = redisStore({ client, prefix: 'calls:' })
    // Loads the three scripts (NOSCRIPT, then EVAL) so the counted calls below are the warm ones.
    await store.claim({ key: 'warm', owner: 'w', ...times })
    await store.complete({ key: 'warm', owner: 'w', ...times, result: '1' })
    await store.release('warm', 'w')
    const start = counter.calls.length
    await store.claim({ key: 'k', owner: 'a', ...times })
    expect(await store.complete({ key: 'k', owner: 'a', ...times, result: '{"a":1}' })).toEqual({
      resultStored: true,
      claimLost: false,
    })
    await store.claim({ key: 'r', owner: 'b', ...times })
    expect(await store.release('r', 'b')).toEqual({ claimLost: false })
    expect(counter.calls.slice(start)).toEqual(['evalsha', 'evalsha', 'evalsha', 'evalsha'])
  })

  test('stores the record with a TTL so Redis drops it when it expires', async () => {
    const store = redisStore({ client, prefix: 'ttl:' })
    await store.claim({ key: 'k', owner: 'a', ...times })
    expect(await client.pttl('ttl:k')).toBeGreaterThan(59_000)
    await store.complete({ key: 'k', owner: 'a', ...times, expiry: now + 5_000, result: '"x"' })
    const ttl = await client.pttl('ttl:k')
    expect(ttl).toBeGreaterThan(4_000)
    expect(ttl).toBeLessThanOrEqual(5_000)
  })

  test('returns the holding record, payload hash and result included (owner token not), in the claim reply', async () => {
    const store = redisStore({ client, prefix: 'holding:' })
    const claim = { key: 'k', owner: 'a', ...times, payloadHash: 'h1' }
    await store.claim(claim)
    await store.complete({ ...claim, result: '{"text":"two\\nlines"}' })
    expect(await store.claim({ ...claim, owner: 'b', now: now + 10 })).toEqual({
      claimed: false,
      existing: {
        status: 'COMPLETED',
        expiry: now + 60_000,
        inProgressExpiry: now + 1000,
        payloadHash: 'h1',
        result: '{"text":"two\\nlines"}',
      },
    })
  })

  test('a record written before owners (no token in its header) is owned by nobody: never completed nor released', async () => {
    const store = redisStore({ client, prefix: 'legacy:' })
    const legacy = [
      'IN_PROGRESS 1735689600000 1735689601000 -\n',
      'IN_PROGRESS 1735689600000 1735689601000 - 2\n',
    ]
    for (const [index, record] of legacy.entries()) {
      await client.set(`legacy:${index}`, record, 'PX', 60_000)
      expect(await store.complete({ key: String(index), owner: '-', ...times, result: '1' })).toMatchObject({
        claimLost: true,
      })
      expect(await store.release(String(index), '-')).toEqual({ claimLost: true })
      expect(await client.get(`legacy:${index}`)).toBe(record)
    }
  })

  test('loads the scripts again after Redis forgot them', async () => {
    const store = redisStore({ client, prefix: 'flush:' })
    await client.script('FLUSH')
    expect(await store.claim({ key: 'k', owner: 'a', ...times })).toEqual({ claimed: true })
    expect(await store.claim({ key: 'k', owner: 'b', ...times })).toMatchObject({ claimed: false })
    await client.script('FLUSH')
    expect(await store.release('k', 'a')).toEqual({ claimLost: false })
  })
})
