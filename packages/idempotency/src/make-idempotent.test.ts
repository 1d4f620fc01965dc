import { TimeoutError } from '@sluice/core'
import { createClock } from '@sluice/testing'
import { describe, expect, test } from 'vitest'
import { hashValue } from './canonical-json.ts'
import { makeIdempotent } from './make-idempotent.ts'
import { memoryStore } from './memory-store.ts'
import type { IdempotencyStore } from './record.ts'

type Order = { id: string; email: string }

describe('makeIdempotent()', () => {
  test('runs the function once per key and answers repeats with the stored (JSON) result', async () => {
    let sent = 0
    const sendReceipt = makeIdempotent(
      async (order: Order, copies: number) => ({ to: order.email, copies, sent: ++sent, at: new Date(0) }),
      { key: (order) => order.id },
    )
    const first = await sendReceipt({ id: 'o-1', email: 'a@example.com' }, 1)
    expect(first).toEqual({ to: 'a@example.com', copies: 1, sent: 1, at: new Date(0) })
    expect(await sendReceipt({ id: 'o-1', email: 'a@example.com' }, 1)).toEqual({
      ...first,
      at: '1970-01-01T00:00:00.000Z',
    })
    expect(await sendReceipt({ id: 'o-2', email: 'b@example.com' }, 1)).toMatchObject({ sent: 2 })
  })

  test('a call that throws releases the key; the next call runs', async () => {
    let calls = 0
    const charge = makeIdempotent(
      async (order: Order) => {
        if (++calls === 1) throw new Error('timeout talking to the bank')
        return order.id
      },
      { key: ['id'] },
    )
    await expect(charge({ id: 'o', email: '' })).rejects.toThrow('timeout talking to the bank')
    expect(await charge({ id: 'o', email: '' })).toBe('o')
    expect(calls).toBe(2)
  })

  test('paths select from the first argument, and a missing one names it', async () => {
    const fn = makeIdempotent(async (order: Partial<Order>) => order.email, { key: ['id'] })
    await expect(fn({ email: 'x' })).rejects.toMatchObject({
      code: 'IDEMPOTENCY_KEY_MISSING',
      path: ['0', 'id'],
    })
  })

  test('a key of BigInts, cycles or functions is IDEMPOTENCY_KEY_INVALID with its path; the function does not run', async () => {
    let calls = 0
    const fn = makeIdempotent(async (_order: { id: unknown }) => ++calls, {
      key: (order) => ({ id: order.id }),
    })
    const cyclic: Record<string, unknown> = {}
    cyclic.again = cyclic
    await expect(fn({ id: 1n })).rejects.toMatchObject({ code: 'IDEMPOTENCY_KEY_INVALID', path: ['id'] })
    await expect(fn({ id: cyclic })).rejects.toMatchObject({
      code: 'IDEMPOTENCY_KEY_INVALID',
      path: ['id', 'again'],
    })
    await expect(fn({ id: () => 'o-1' })).rejects.toMatchObject({
      code: 'IDEMPOTENCY_KEY_INVALID',
      path: ['id'],
    })
    await expect(fn({ id: '' })).rejects.toMatchObject({ code: 'IDEMPOTENCY_KEY_MISSING' })
    expect(calls).toBe(0)
  })

  test("keys are namespaced by the function's name, so two wrapped functions never share records", async () => {
    const keys: string[] = []
    const inner = memoryStore()
    const store: IdempotencyStore = {
      ...inner,
      claim(request) {
        keys.push(request.key)
        return inner.claim(request)
      },
    }
    const charge = makeIdempotent(
      async function charge(id: string) {
        return `charged ${id}`
      },
      { key: (id) => id, store, functionName: 'orders' },
    )
    const notify = makeIdempotent(async (id: string) => `notified ${id}`, {
      key: (id) => id,
      store,
      name: 'notify',
      functionName: 'orders',
    })
    expect(await charge('1')).toBe('charged 1')
    expect(await notify('1')).toBe('notified 1')
    expect(keys).toEqual([`orders.charge#${hashValue('1')}`, `orders.notify#${hashValue('1')}`])
  })

  test('outside a Lambda context the in-progress record lasts inProgressTimeoutMs', async () => {
    const clock = createClock(0)
    let calls = 0
    const slow = makeIdempotent(
      // The first call hangs, as if its container died; later calls finish at once.
      (id: string) => (++calls === 1 ? new Promise<string>(() => {}) : Promise.resolve(id)),
      { key: (id) => id, now: clock.now, inProgressTimeoutMs: 10_000 },
    )
    void slow('a')
    await clock.advance(10_000)
    await expect(slow('a')).rejects.toMatchObject({ code: 'IDEMPOTENCY_IN_PROGRESS' })
    await clock.advance(1)
    expect(await slow('a')).toBe('a')
    expect(calls).toBe(2)
  })

  test.each([
    ['a TimeoutError', () => new TimeoutError({ deadline: 5_000, marginMs: 500 })],
    [
      'an AbortError caused by one (a sleep or fetch given the guard signal)',
      () => Object.assign(new Error('The operation was aborted'), { cause: new TimeoutError({}) }),
    ],
  ])(
    'stopped by %s, the key stays claimed until its in-progress expiry: no retry runs beside it',
    async (_label, stop) => {
      const clock = createClock(0)
      let calls = 0
      const charge = makeIdempotent(
        async (id: string) => {
          if (++calls === 1) throw stop()
          return `charged ${id}`
        },
        { key: (id) => id, now: clock.now, inProgressTimeoutMs: 10_000 },
      )
      await expect(charge('a')).rejects.toBeInstanceOf(Error)
      await expect(charge('a')).rejects.toMatchObject({ code: 'IDEMPOTENCY_IN_PROGRESS' })
      await clock.advance(10_001)
      expect(await charge('a')).toBe('charged a')
      expect(calls).toBe(2)
    },
  )

  test('an AbortError of another cause releases the key as any failure does', async () => {
    let calls = 0
    const charge = makeIdempotent(
      async (id: string) => {
        if (++calls === 1) throw new DOMException('the caller gave up', 'AbortError')
        return id
      },
      { key: (id) => id },
    )
    await expect(charge('a')).rejects.toThrow('the caller gave up')
    expect(await charge('a')).toBe('a')
  })
})
