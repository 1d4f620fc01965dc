import { lambda } from '@sluice/core'
import { createClock, createContext, hang, invoke, TIMEOUT_ERROR_TYPE } from '@sluice/testing'
import { expect, test } from 'vitest'
import { hashText } from '../src/canonical-json.ts'
import { idempotency } from '../src/idempotency.ts'
import { KEY_FORMAT } from '../src/key-format.ts'
import type { IdempotencyStore } from '../src/record.ts'

/** What a store's test file hands the shared acceptance tests. */
export interface StoreHarness {
  /** The store under test (fresh keys per test, so one store serves them all). */
  store(): IdempotencyStore
  /** Store round trips so far (counted around the client, or around the store for the memory store). */
  calls(): number
  /** A store whose server the test may kill mid-run; absent for stores that cannot be killed. */
  killable?: () => Promise<{ store: IdempotencyStore; kill: () => Promise<void> }>
  /** A store (with short client timeouts) whose server the test may freeze and thaw. */
  freezable?: () => { store: IdempotencyStore; freeze: () => Promise<void>; thaw: () => void }
}

type Order = { orderId: string; amount: number }

let next = 0
const freshOrder = (amount = 10): Order => ({
  orderId: `order-${process.pid}-${Date.now()}-${next++}`,
  amount,
})

/** A promise and the function that resolves it. */
function gate() {
  let open = () => {}
  const opened = new Promise<void>((resolve) => {
    open = resolve
  })
  return { opened, open }
}

const codeOf = (outcome: PromiseSettledResult<unknown>) =>
  outcome.status === 'rejected' ? (outcome.reason as { code?: string }).code : 'fulfilled'

/** The issue's acceptance tests, run against one store. */
export function storeAcceptance(harness: StoreHarness): void {
  const clock = createClock(Date.UTC(2025, 0, 1))
  const context = (timeoutMs = 5000) => createContext({ functionName: 'orders', timeoutMs, clock })
  const counted = () => {
    let runs = 0
    return { runs: () => runs, count: () => ++runs }
  }

  test('50 concurrent invocations with one key run the handler once; the others are refused, then answered', async () => {
    const runs = counted()
    const release = gate()
    const handler = lambda<Order>()
      .use(idempotency<Order>({ key: (order) => order.orderId, store: harness.store(), now: clock.now }))
      .handler(async (order) => {
        // A second run is already a failure: let everyone finish so the assertions report it, not a hang.
        if (runs.count() > 1) release.open()
        await release.opened
        return { charged: order.amount, at: clock.now() }
      })
    const order = freshOrder()
    let settled = 0
    const allButOneSettled = gate()
    const first = Array.from({ length: 50 }, () =>
      handler(order, context()).finally(() => {
        if (++settled === 49) allButOneSettled.open()
      }),
    )
    const settling = Promise.allSettled(first)
    await allButOneSettled.opened
    release.open()
    const outcomes = await settling
    expect(runs.runs()).toBe(1)
    const codes = outcomes.map(codeOf)
    expect(codes.filter((code) => code === 'fulfilled')).toHaveLength(1)
    expect(codes.filter((code) => code === 'IDEMPOTENCY_IN_PROGRESS')).toHaveLength(49)
    const result = outcomes.find((outcome) => outcome.status === 'fulfilled')?.value

    const again = await Promise.allSettled(Array.from({ length: 50 }, () => handler(order, context())))
    expect(runs.runs()).toBe(1)
    expect(again.map((outcome) => (outcome.status === 'fulfilled' ? outcome.value : outcome.reason))).toEqual(
      Array.from({ length: 50 }, () => result),
    )
  })

  test('a handler that throws releases the key, and the retry runs', async () => {
    const runs = counted()
    const handler = lambda<Order>()
      .use(idempotency<Order>({ key: (order) => order.orderId, store: harness.store(), now: clock.now }))
      .handler(async (order) => {
        if (runs.count() === 1) throw new Error('card declined')
        return { charged: order.amount }
      })
    const order = freshOrder()
    await expect(handler(order, context())).rejects.toThrow('card declined')
    expect(await handler(order, context())).toEqual({ charged: 10 })
    expect(runs.runs()).toBe(2)
  })

  test('after a timeout, a retry is refused until the in-progress expiry and runs after it', async () => {
    const runs = counted()
    const started = gate()
    const handler = lambda<Order>()
      .use(idempotency<Order>({ key: (order) => order.orderId, store: harness.store(), now: clock.now }))
      .handler(async (order) => {
        if (runs.count() === 1) {
          started.open()
          await hang() // until Lambda stops it
        }
        return { charged: order.amount }
      })
    const order = freshOrder()
    const first = invoke(handler, order, { context: context(5000), clock })
    const timedOut = expect(first).rejects.toMatchObject({ lambdaError: { errorType: TIMEOUT_ERROR_TYPE } })
    // If the claim fails the handler never starts: stop waiting then, and let the assertions below fail.
    await Promise.race([started.opened, first.catch(() => {})])
    await clock.advance(5000)
    await timedOut
    await expect(handler(order, context())).rejects.toMatchObject({ code: 'IDEMPOTENCY_IN_PROGRESS' })
    expect(runs.runs()).toBe(1)
    await clock.advance(1)
    expect(await handler(order, context())).toEqual({ charged: 10 })
    expect(runs.runs()).toBe(2)
  })

  test('a completed record answers until it expires, then the handler runs again', async () => {
    const runs = counted()
    const handler = lambda<Order>()
      .use(
        idempotency<Order>({
          key: (order) => order.orderId,
          store: harness.store(),
          now: clock.now,
          expiresAfterSeconds: 60,
        }),
      )
      .handler(async () => ({ run: runs.count() }))
    const order = freshOrder()
    expect(await handler(order, context())).toEqual({ run: 1 })
    await clock.advance(30_000)
    expect(await handler(order, context())).toEqual({ run: 1 })
    await clock.advance(32_000)
    expect(await handler(order, context())).toEqual({ run: 2 })
    expect(runs.runs()).toBe(2)
  })

  test('the same key with a different payload fails with IDEMPOTENCY_PAYLOAD_MISMATCH', async () => {
    const runs = counted()
    const handler = lambda<Order>()
      .use(
        idempotency<Order>({
          key: ['orderId'],
          payloadValidation: ['amount'],
          store: harness.store(),
          now: clock.now,
        }),
      )
      .handler(async (order) => ({ charged: order.amount, run: runs.count() }))
    const order = freshOrder(10)
    expect(await handler(order, context())).toEqual({ charged: 10, run: 1 })
    await expect(handler({ ...order, amount: 99 }, context())).rejects.toMatchObject({
      code: 'IDEMPOTENCY_PAYLOAD_MISMATCH',
      status: 422,
    })
    expect(await handler({ ...order }, context())).toEqual({ charged: 10, run: 1 })
    expect(runs.runs()).toBe(1)
  })

  test('the success path makes exactly 2 store calls and a duplicate 1', async () => {
    const handler = lambda<Order>()
      .use(idempotency<Order>({ key: (order) => order.orderId, store: harness.store(), now: clock.now }))
      .handler(async (order) => ({ charged: order.amount }))
    await handler(freshOrder(), context()) // warms the client (connection, cached scripts)
    const order = freshOrder()
    const before = harness.calls()
    await handler(order, context())
    expect(harness.calls() - before).toBe(2)
    await handler(order, context())
    expect(harness.calls() - before).toBe(3)
  })

  test('records keep their key format; a record written by 0.1.x (format 1, none stored) answers after the upgrade', async () => {
    const store = harness.store()
    const { orderId } = freshOrder()
    const times = () => ({
      owner: `owner-${orderId}`,
      now: clock.now(),
      inProgressExpiry: clock.now() + 60_000,
      expiry: clock.now() + 3_600_000,
    })
    await store.claim({ key: `format-${orderId}`, ...times(), keyFormat: KEY_FORMAT })
    expect(await store.claim({ key: `format-${orderId}`, ...times() })).toMatchObject({
      claimed: false,
      existing: { status: 'IN_PROGRESS', keyFormat: KEY_FORMAT },
    })
    await store.complete({ key: `format-${orderId}`, ...times(), result: '1', keyFormat: KEY_FORMAT })
    expect(await store.claim({ key: `format-${orderId}`, ...times() })).toMatchObject({
      claimed: false,
      existing: { status: 'COMPLETED', keyFormat: KEY_FORMAT },
    })

    // What 0.1.x hashed for { orderId, coupon: null }: sorted JSON with the null member kept.
    const formatOneKey = `orders#${hashText(`{"coupon":null,"orderId":"${orderId}"}`)}`
    await store.claim({ key: formatOneKey, ...times() })
    await store.complete({ key: formatOneKey, ...times(), result: '{"charged":10}' })
    const runs = counted()
    type Charge = { orderId: string; coupon: string | null }
    const handler = lambda<Charge>()
      .use(
        idempotency<Charge>({
          key: (o) => ({ orderId: o.orderId, coupon: o.coupon }),
          store,
          now: clock.now,
        }),
      )
      .handler(async () => ({ charged: 20, run: runs.count() }))
    expect(await handler({ orderId, coupon: null }, context())).toEqual({ charged: 10 })
    expect(await handler({ orderId, coupon: null }, context())).toEqual({ charged: 10 })
    expect(runs.runs()).toBe(0)
  })

  if (harness.freezable) {
    const freezable = harness.freezable
    test('a store that stops answering fails closed within the client timeouts and the handler does not run', async () => {
      const { store, freeze, thaw } = freezable()
      const runs = counted()
      const handler = lambda<Order>()
        .use(idempotency<Order>({ key: (order) => order.orderId, store, now: clock.now }))
        .handler(async () => runs.count())
      await freeze()
      try {
        await expect(handler(freshOrder(), context())).rejects.toMatchObject({
          code: 'IDEMPOTENCY_STORE_UNAVAILABLE',
        })
      } finally {
        thaw()
      }
      expect(runs.runs()).toBe(0)
    })
  }

  if (harness.killable) {
    const killable = harness.killable
    test('a store killed mid-run fails closed with IDEMPOTENCY_STORE_UNAVAILABLE, never runs twice, never hangs', async () => {
      const { store, kill } = await killable()
      const runs = counted()
      const handler = lambda<Order>()
        .use(idempotency<Order>({ key: (order) => order.orderId, store, now: clock.now }))
        .handler(async (order) => {
          runs.count()
          await kill()
          return { charged: order.amount }
        })
      const order = freshOrder()
      const bounded = <T>(promise: Promise<T>) =>
        Promise.race([
          promise,
          new Promise<never>((_, reject) =>
            setTimeout(() => reject(new Error('hung for 8 s')), 8000).unref(),
          ),
        ])
      const first = await bounded(handler(order, context()).catch((error: unknown) => error))
      expect(first).toMatchObject({ code: 'IDEMPOTENCY_STORE_UNAVAILABLE', status: 503, expose: false })
      expect((first as Error).cause).toBeInstanceOf(Error)
      const retry = await bounded(handler(order, context()).catch((error: unknown) => error))
      expect(retry).toMatchObject({ code: 'IDEMPOTENCY_STORE_UNAVAILABLE' })
      expect(runs.runs()).toBe(1)
    })
  }
}
