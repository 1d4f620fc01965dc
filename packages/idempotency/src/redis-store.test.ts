import fc from 'fast-check'
import type { Redis } from 'ioredis'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { storeAcceptance } from '../test-support/acceptance.ts'
import { anyValueProperty, forms, keyPairProperty } from '../test-support/key-oracle.ts'
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

describe('redisStore', () => {
  const now = Date.UTC(2025, 0, 1)

  test('claims with one EVALSHA, completes with one SET … PX, releases with one DEL', async () => {
    const store = redisStore({ client, prefix: 'calls:' })
    await store.claim({ key: 'warm', now, inProgressExpiry: now + 1000, expiry: now + 60_000 })
    const start = counter.calls.length
    await store.claim({ key: 'k', now, inProgressExpiry: now + 1000, expiry: now + 60_000 })
    await store.complete({
      key: 'k',
      now,
      inProgressExpiry: now + 1000,
      expiry: now + 60_000,
      result: '{"a":1}',
    })
    await store.release('k')
    expect(counter.calls.slice(start)).toEqual(['evalsha', 'set', 'del'])
  })

  test('stores the record with a TTL so Redis drops it when it expires', async () => {
    const store = redisStore({ client, prefix: 'ttl:' })
    await store.claim({ key: 'k', now, inProgressExpiry: now + 1000, expiry: now + 60_000 })
    expect(await client.pttl('ttl:k')).toBeGreaterThan(59_000)
    await store.complete({ key: 'k', now, inProgressExpiry: now + 1000, expiry: now + 5_000, result: '"x"' })
    const ttl = await client.pttl('ttl:k')
    expect(ttl).toBeGreaterThan(4_000)
    expect(ttl).toBeLessThanOrEqual(5_000)
  })

  test('returns the holding record, payload hash and result included, in the claim reply', async () => {
    const store = redisStore({ client, prefix: 'holding:' })
    const claim = { key: 'k', now, inProgressExpiry: now + 1000, expiry: now + 60_000, payloadHash: 'h1' }
    await store.claim(claim)
    await store.complete({ ...claim, result: '{"text":"two\\nlines"}' })
    expect(await store.claim({ ...claim, now: now + 10 })).toEqual({
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

  test('loads the claim script again after Redis forgot it', async () => {
    const store = redisStore({ client, prefix: 'flush:' })
    await client.script('FLUSH')
    expect(await store.claim({ key: 'k', now, inProgressExpiry: now + 1000, expiry: now + 60_000 })).toEqual({
      claimed: true,
    })
    expect(
      await store.claim({ key: 'k', now, inProgressExpiry: now + 1000, expiry: now + 60_000 }),
    ).toMatchObject({
      claimed: false,
    })
  })
})
