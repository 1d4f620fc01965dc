import { createClock } from '@sluice/testing'
import { describe, expect, test } from 'vitest'
import { countingStore } from '../test-support/counting-store.ts'
import { hashText } from './canonical-json.ts'
import { idempotentRecord } from './idempotent-record.ts'
import { KEY_FORMAT } from './key-format.ts'
import { memoryStore } from './memory-store.ts'
import type { IdempotencyStore } from './record.ts'

type Order = { orderId: string; coupon: string | null; amount?: number; note?: string | null }

// What 0.1.x (key format 1) wrote for these keys: JSON.stringify with sorted keys, null members kept.
const FORMAT_ONE_TEXT = '{"coupon":null,"orderId":"o-1"}'
const FORMAT_TWO_TEXT = '{"orderId":"o-1"}'
const order: Order = { orderId: 'o-1', coupon: null }
const now = 1_700_000_000_000

/** Writes a record the way 0.1.x did: no keyFormat in the request, so none in the record. */
async function formatOneRecord(
  store: IdempotencyStore,
  key: string,
  status: 'IN_PROGRESS' | 'COMPLETED',
  payloadHash?: string,
) {
  const times = { owner: 'format-one', now, inProgressExpiry: now + 60_000, expiry: now + 3_600_000 }
  await store.claim({ key, ...times, payloadHash })
  if (status === 'COMPLETED') await store.complete({ key, ...times, payloadHash, result: '{"charged":10}' })
}

function setup(options: { readPreviousKeyFormat?: boolean; payloadValidation?: (o: Order) => unknown } = {}) {
  const clock = createClock(now + 1000)
  const inner = memoryStore()
  const counted = countingStore(inner)
  let runs = 0
  const once = idempotentRecord<Order>({
    key: (o) => ({ orderId: o.orderId, coupon: o.coupon }),
    store: counted.store,
    functionName: 'orders',
    now: clock.now,
    ...options,
  })
  const run = (o: Order = order) => once(o, () => ({ charged: 20, run: ++runs }))
  return { inner, calls: counted.calls, run, runs: () => runs, clock }
}

describe('key format 2 and the upgrade from format 1', () => {
  test('a completed format-1 record answers after the upgrade, and is copied under the new key', async () => {
    const { inner, calls, run, runs } = setup()
    await formatOneRecord(inner, `orders.record#${hashText(FORMAT_ONE_TEXT)}`, 'COMPLETED')
    expect(await run()).toEqual({ charged: 10 })
    expect(runs()).toBe(0)
    expect(calls).toEqual(['claim', 'claim', 'complete'])
    calls.length = 0
    expect(await run()).toEqual({ charged: 10 })
    expect(calls).toEqual(['claim'])
    const copied = await inner.claim({
      key: `orders.record#${hashText(FORMAT_TWO_TEXT)}`,
      owner: 'probe',
      now,
      inProgressExpiry: now,
      expiry: now,
    })
    expect(copied).toMatchObject({
      claimed: false,
      existing: { status: 'COMPLETED', keyFormat: KEY_FORMAT, expiry: now + 3_600_000 },
    })
  })

  test('an in-progress format-1 record refuses with IDEMPOTENCY_IN_PROGRESS and leaves the new key free', async () => {
    const { inner, run, runs, clock } = setup()
    await formatOneRecord(inner, `orders.record#${hashText(FORMAT_ONE_TEXT)}`, 'IN_PROGRESS')
    await expect(run()).rejects.toMatchObject({ code: 'IDEMPOTENCY_IN_PROGRESS' })
    await clock.advance(60_000) // past the format-1 record's in-progress expiry
    expect(await run()).toEqual({ charged: 20, run: 1 })
    expect(runs()).toBe(1)
  })

  test('with nothing under the old key, a new request runs after one claim and one release there', async () => {
    const { calls, run } = setup()
    expect(await run()).toEqual({ charged: 20, run: 1 })
    expect(calls).toEqual(['claim', 'claim', 'release', 'complete'])
  })

  test('a key both formats write alike costs no extra call, and its format-1 record answers', async () => {
    const { inner, calls, run, runs } = setup()
    const same: Order = { orderId: 'o-2', coupon: 'SPRING' }
    expect(await run(same)).toEqual({ charged: 20, run: 1 })
    expect(calls).toEqual(['claim', 'complete'])
    const old: Order = { orderId: 'o-3', coupon: 'SPRING' }
    await formatOneRecord(
      inner,
      `orders.record#${hashText('{"coupon":"SPRING","orderId":"o-3"}')}`,
      'COMPLETED',
    )
    expect(await run(old)).toEqual({ charged: 10 })
    expect(runs()).toBe(1)
  })

  test('readPreviousKeyFormat: false skips the old key', async () => {
    const { inner, calls, run } = setup({ readPreviousKeyFormat: false })
    await formatOneRecord(inner, `orders.record#${hashText(FORMAT_ONE_TEXT)}`, 'COMPLETED')
    expect(await run()).toEqual({ charged: 20, run: 1 })
    expect(calls).toEqual(['claim', 'complete'])
  })

  test("a format-1 record's payload hash is compared in format 1, so an unchanged payload is no mismatch", async () => {
    const payloadValidation = (o: Order) => ({ amount: o.amount, note: o.note })
    const { inner, run, runs } = setup({ payloadValidation })
    const key = `orders.record#${hashText('{"coupon":"C","orderId":"o-4"}')}`
    await formatOneRecord(inner, key, 'COMPLETED', hashText('{"amount":10,"note":null}'))
    expect(await run({ orderId: 'o-4', coupon: 'C', amount: 10, note: null })).toEqual({ charged: 10 })
    await expect(run({ orderId: 'o-4', coupon: 'C', amount: 99, note: null })).rejects.toMatchObject({
      code: 'IDEMPOTENCY_PAYLOAD_MISMATCH',
    })
    expect(runs()).toBe(0)
  })

  test('a format-2 record under the old key (a placeholder left by a failed release) is not an answer', async () => {
    const { inner, run } = setup()
    const key = `orders.record#${hashText(FORMAT_ONE_TEXT)}`
    await inner.claim({
      key,
      owner: 'placeholder',
      now,
      inProgressExpiry: now + 60_000,
      expiry: now + 3_600_000,
      keyFormat: KEY_FORMAT,
    })
    expect(await run()).toEqual({ charged: 20, run: 1 })
  })
})
