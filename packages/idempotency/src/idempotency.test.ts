import middy from '@middy/core'
import { lambda, lifecycle, type Middleware } from '@sluice/core'
import { createClock, createContext, events } from '@sluice/testing'
import type { APIGatewayProxyEventV2 } from 'aws-lambda'
import { describe, expect, test } from 'vitest'
import { countingStore } from '../test-support/counting-store.ts'
import { hashValue } from './canonical-json.ts'
import { idempotency } from './idempotency.ts'
import { memoryStore } from './memory-store.ts'
import type { IdempotencyStore } from './record.ts'

type Order = { orderId: string; amount: number }

/** A store that remembers every claim request it got. */
function recordingStore() {
  const inner = memoryStore()
  const claims: Parameters<IdempotencyStore['claim']>[0][] = []
  const store: IdempotencyStore = {
    ...inner,
    claim(request) {
      claims.push(request)
      return inner.claim(request)
    },
  }
  return { store, claims }
}

const failing = (message: string): IdempotencyStore => ({
  claim: async () => {
    throw new Error(message)
  },
  complete: async () => {
    throw new Error(message)
  },
  release: async () => {
    throw new Error(message)
  },
})

describe('idempotency()', () => {
  test('namespaces the sha-256 key by function name and qualifier, stable for equal values', async () => {
    const { store, claims } = recordingStore()
    const handler = lambda<{ a: number; b: number }>()
      .use(idempotency<{ a: number; b: number }>({ key: (event) => event, store }))
      .handler(async () => 'ok')
    await handler({ a: 1, b: 2 }, createContext({ functionName: 'orders' }))
    await handler({ b: 2, a: 1 }, createContext({ functionName: 'orders' }))
    const key = `orders#${hashValue({ a: 1, b: 2 })}`
    expect(claims.map((claim) => claim.key)).toEqual([key, key])

    const live = recordingStore()
    const aliased = lambda()
      .use(idempotency({ key: ['id'], store: live.store, qualifier: 'live' }))
      .handler(async () => 'ok')
    await aliased({ id: 7 }, createContext({ functionName: 'orders' }))
    expect(live.claims[0]?.key).toBe(`orders:live#${hashValue([7])}`)
  })

  test('the in-progress expiry is now + the invocation’s remaining time; the record outlives it', async () => {
    const clock = createClock(1_000_000)
    const { store, claims } = recordingStore()
    const handler = lambda<Order>()
      .use(idempotency<Order>({ key: ['orderId'], store, now: clock.now, expiresAfterSeconds: 10 }))
      .handler(async () => 'ok')
    const context = createContext({ timeoutMs: 30_000, clock })
    await clock.advance(4_000)
    await handler({ orderId: 'a', amount: 1 }, context)
    expect(claims[0]).toMatchObject({ now: 1_004_000, inProgressExpiry: 1_030_000, expiry: 1_030_000 })
  })

  test('a missing key fails with IDEMPOTENCY_KEY_MISSING and its path, before the handler runs', async () => {
    let runs = 0
    const handler = lambda<APIGatewayProxyEventV2>()
      .use(idempotency<APIGatewayProxyEventV2>({ key: ['body.orderId'] }))
      .handler(async () => ++runs)
    const event = events['apigw-http']({ method: 'POST', body: { amount: 5 } })
    const error = await handler(event, createContext()).catch((caught: unknown) => caught)
    expect(error).toMatchObject({
      name: 'IdempotencyError',
      code: 'IDEMPOTENCY_KEY_MISSING',
      path: ['body', 'orderId'],
      status: 400,
      expose: true,
    })
    expect(runs).toBe(0)
  })

  test("onMissingKey: 'skip' runs keyless requests every time without touching the store", async () => {
    const counted = countingStore(memoryStore())
    let runs = 0
    const handler = lambda<Partial<Order>>()
      .use(idempotency<Partial<Order>>({ key: (o) => o.orderId, store: counted.store, onMissingKey: 'skip' }))
      .handler(async () => ++runs)
    expect(await handler({ amount: 1 }, createContext())).toBe(1)
    expect(await handler({ amount: 1 }, createContext())).toBe(2)
    expect(counted.calls).toEqual([])
  })

  test('a duplicate whose stored result is undefined is answered without running the handler', async () => {
    let runs = 0
    const handler = lambda()
      .use(idempotency({ key: ['id'] }))
      .handler(async () => {
        runs++
      })
    expect(await handler({ id: 1 }, createContext())).toBeUndefined()
    expect(await handler({ id: 1 }, createContext())).toBeUndefined()
    expect(runs).toBe(1)
  })

  test('stores the response as the inner middlewares left it, and a duplicate skips them', async () => {
    const log: string[] = []
    const wrap: Middleware = {
      after: function wrapAfter(request) {
        log.push('wrap')
        request.response = { wrapped: request.response }
      },
    }
    const handler = lambda()
      .use(idempotency({ key: ['id'] }))
      .use(wrap)
      .handler(async () => 'body')
    expect(await handler({ id: 1 }, createContext())).toEqual({ wrapped: 'body' })
    expect(await handler({ id: 1 }, createContext())).toEqual({ wrapped: 'body' })
    expect(log).toEqual(['wrap'])
  })

  test('an inner middleware that fails before the handler releases the key', async () => {
    let fail = true
    const guard: Middleware = {
      before: function guardBefore() {
        if (fail) throw new Error('not yet')
      },
    }
    const handler = lambda()
      .use(idempotency({ key: ['id'] }))
      .use(guard)
      .handler(async () => 'ran')
    await expect(handler({ id: 1 }, createContext())).rejects.toThrow('not yet')
    fail = false
    expect(await handler({ id: 1 }, createContext())).toBe('ran')
  })

  test('fails closed: a store that fails the claim gives IDEMPOTENCY_STORE_UNAVAILABLE and the handler does not run', async () => {
    let runs = 0
    const handler = lambda()
      .use(idempotency({ key: ['id'], store: failing('connection refused') }))
      .handler(async () => ++runs)
    const error = await handler({ id: 1 }, createContext()).catch((caught: unknown) => caught)
    expect(error).toMatchObject({ code: 'IDEMPOTENCY_STORE_UNAVAILABLE', status: 503, expose: false })
    expect((error as Error).cause).toMatchObject({ message: 'connection refused' })
    expect(runs).toBe(0)
  })

  test("the handler's error is what the caller sees even when releasing the key fails", async () => {
    const inner = memoryStore()
    const store: IdempotencyStore = { ...inner, release: failing('store down').release }
    const handler = lambda()
      .use(idempotency({ key: ['id'], store }))
      .handler(async () => {
        throw new Error('card declined')
      })
    await expect(handler({ id: 1 }, createContext())).rejects.toThrow('card declined')
  })

  test('the one catch point can turn IDEMPOTENCY_IN_PROGRESS into a 409', async () => {
    const store = memoryStore()
    const now = Date.now()
    await store.claim({
      key: `orders#${hashValue(['a'])}`,
      owner: 'another-invocation',
      now,
      inProgressExpiry: now + 60_000,
      expiry: now + 60_000,
    })
    const handler = lambda<{ id: string }>()
      .use(idempotency<{ id: string }>({ key: ['id'], store }))
      .catch((error) => ({ statusCode: error.status, body: error.code }))
      .handler(async () => ({ statusCode: 200, body: 'charged' }))
    expect(await handler({ id: 'a' }, createContext({ functionName: 'orders' }))).toEqual({
      statusCode: 409,
      body: 'IDEMPOTENCY_IN_PROGRESS',
    })
  })

  test('works as a plain middy middleware', async () => {
    let runs = 0
    const handler = middy<{ id: string }>()
      .use(lifecycle())
      .use(idempotency({ key: ['id'] }))
      .handler(async (event) => ({ id: event.id, run: ++runs }))
    expect(await handler({ id: 'x' }, createContext())).toEqual({ id: 'x', run: 1 })
    expect(await handler({ id: 'x' }, createContext())).toEqual({ id: 'x', run: 1 })
  })

  test('two different requests that both lack the fields of an object key are refused, never share a result', async () => {
    type Charge = { orderId?: string; customer?: string; amount: number }
    let runs = 0
    const handler = lambda<Charge>()
      .use(idempotency<Charge>({ key: (e) => ({ orderId: e.orderId, customer: e.customer }) }))
      .handler(async (event) => ({ charged: event.amount, run: ++runs }))
    for (const event of [{ amount: 5 }, { amount: 7, customer: '' }, { amount: 9, orderId: undefined }]) {
      await expect(handler(event, createContext())).rejects.toMatchObject({
        code: 'IDEMPOTENCY_KEY_MISSING',
        status: 400,
      })
    }
    expect(runs).toBe(0)
    expect(await handler({ amount: 5, orderId: 'o-1' }, createContext())).toEqual({ charged: 5, run: 1 })
    expect(await handler({ amount: 7, orderId: 'o-2' }, createContext())).toEqual({ charged: 7, run: 2 })
  })

  test('a key that cannot be canonicalized is IDEMPOTENCY_KEY_INVALID with its path, and the handler does not run', async () => {
    const cyclic: Record<string, unknown> = { id: 'x' }
    cyclic.self = cyclic
    let deep: unknown = 'x'
    for (let i = 0; i < 10_000; i++) deep = { deeper: deep }
    let runs = 0
    const handler = lambda<{ order: unknown }>()
      .use(idempotency<{ order: unknown }>({ key: ['order'] }))
      .handler(async () => ++runs)
    for (const [order, path] of [
      [{ total: 10n }, ['order', 'total']],
      [cyclic, ['order', 'self']],
      [deep, expect.arrayContaining(['order', 'deeper'])],
    ] as const) {
      await expect(handler({ order }, createContext())).rejects.toMatchObject({
        name: 'IdempotencyError',
        code: 'IDEMPOTENCY_KEY_INVALID',
        path,
      })
    }
    expect(runs).toBe(0)
  })

  test('rejects a non-positive expiresAfterSeconds when the middleware is made', () => {
    expect(() => idempotency({ key: ['id'], expiresAfterSeconds: 0 })).toThrow(
      expect.objectContaining({ code: 'IDEMPOTENCY_INVALID_OPTION', path: ['expiresAfterSeconds'] }),
    )
  })
})
