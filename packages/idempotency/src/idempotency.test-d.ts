import { lambda } from '@sluice/core'
import type { SQSEvent, SQSRecord } from 'aws-lambda'
import { describe, expectTypeOf, test } from 'vitest'
import { idempotency } from './idempotency.ts'
import { idempotentRecord } from './idempotent-record.ts'
import { makeIdempotent } from './make-idempotent.ts'

type Order = { orderId: string; amount: number }

describe('idempotency types', () => {
  test('naming the event types the key selector', () => {
    idempotency<Order>({
      key: (order) => {
        expectTypeOf(order).toEqualTypeOf<Order>()
        return order.orderId
      },
      payloadValidation: (order) => order.amount,
    })
    // @ts-expect-error Order has no 'id'
    idempotency<Order>({ key: (order) => order.id })
  })

  test('in .use(), the named event type must fit the builder, and the handler keeps its event', () => {
    lambda<Order>()
      .use(idempotency<Order>({ key: (order) => order.orderId }))
      .handler(async (order) => {
        expectTypeOf(order).toEqualTypeOf<Order>()
      })
    // .use() cannot pass its event type into the options: without a type argument the selector sees unknown.
    idempotency({ key: (event) => expectTypeOf(event).toBeUnknown() })
  })

  test('a middleware typed for another event does not fit the builder', () => {
    // @ts-expect-error the builder's event is an SQSEvent, not an Order
    lambda<SQSEvent>().use(idempotency<Order>({ key: ['orderId'] }))
  })

  test('makeIdempotent keeps the function’s signature', () => {
    const charge = makeIdempotent(
      async (order: Order, cents: number) => ({ charged: cents, id: order.orderId }),
      {
        key: (order, cents) => [order.orderId, cents],
      },
    )
    expectTypeOf(charge).toEqualTypeOf<
      (order: Order, cents: number) => Promise<{ charged: number; id: string }>
    >()
  })

  test('the record hook is typed by the record and resolves with the run’s result', () => {
    const once = idempotentRecord<SQSRecord>({ key: (record) => record.messageId })
    expectTypeOf(once).parameter(0).toEqualTypeOf<SQSRecord>()
    expectTypeOf(once({} as SQSRecord, async () => 42)).toEqualTypeOf<Promise<number>>()
  })
})
