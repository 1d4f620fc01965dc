import middy from '@middy/core'
import type { APIGatewayProxyEventV2, Context, SQSEvent } from 'aws-lambda'
import { describe, expectTypeOf, test } from 'vitest'
import type { SluiceError } from './errors.ts'
import { type CatchRequest, lambda, lifecycle } from './lambda.ts'
import type { Lifecycle } from './lifecycle.ts'
import type { Middleware } from './middleware.ts'

interface Order {
  id: string
  cents: number
}
interface Db {
  query(sql: string): Promise<unknown[]>
}

const parseOrders = (): Middleware<{ in: SQSEvent; event: Order[] }> => ({
  before: function parseOrdersBefore(request) {
    request.event = request.event.Records.map((record) => JSON.parse(record.body) as Order) as never
  },
})
const withDb = (db: Db): Middleware<{ context: { db: Db } }> => ({
  before: function withDbBefore(request) {
    request.context.db = db
  },
})
const withReceivedAt = (): Middleware<{ eventAdds: { receivedAt: number } }> => ({
  before: function withReceivedAtBefore(request) {
    Object.assign(request.event as object, { receivedAt: Date.now() })
  },
})
const db: Db = { query: async () => [] }

describe('lambda() types', () => {
  test('the handler sees the declared event and a context with lifecycle', () => {
    lambda<SQSEvent>().handler(async (event, context) => {
      expectTypeOf(event).toEqualTypeOf<SQSEvent>()
      expectTypeOf(context).toExtend<Context>()
      expectTypeOf(context.lifecycle).toEqualTypeOf<Lifecycle>()
      expectTypeOf(context.lifecycle.coldStart).toEqualTypeOf<boolean>()
    })
  })

  test('a parser replaces the event type instead of intersecting it', () => {
    lambda<SQSEvent>()
      .use(parseOrders())
      .handler((orders) => {
        expectTypeOf(orders).toEqualTypeOf<Order[]>()
      })
  })

  test('a chain of three middlewares: replaced event, added event fields, added context', () => {
    const handler = lambda<SQSEvent>()
      .use(parseOrders())
      .use(withReceivedAt())
      .use(withDb(db))
      .handler(async (event, context) => {
        expectTypeOf(event).toEqualTypeOf<Order[] & { receivedAt: number }>()
        expectTypeOf(context.db).toEqualTypeOf<Db>()
        expectTypeOf(context.lifecycle.invocation).toEqualTypeOf<number>()
        return { count: event.length }
      })
    expectTypeOf(handler).toEqualTypeOf<(event: SQSEvent, context: Context) => Promise<{ count: number }>>()
  })

  test('a middleware whose input does not fit the event at that point is a type error', () => {
    // @ts-expect-error parseOrders needs an SQSEvent, the builder has an HTTP API event
    lambda<APIGatewayProxyEventV2>().use(parseOrders())
    // @ts-expect-error after parsing, the event is Order[], not an SQSEvent
    lambda<SQSEvent>().use(parseOrders()).use(parseOrders())
  })

  test('catch widens the result with what it returns', () => {
    const handler = lambda<SQSEvent>()
      .catch((error) => ({ failed: error.code }))
      .handler(async () => ({ ok: true as const }))
    expectTypeOf(handler).returns.resolves.toEqualTypeOf<{ ok: true } | { failed: string }>()
  })

  test('catch sees the input event and the context additions of the middlewares before it, as optional', () => {
    lambda<SQSEvent>()
      .use(withDb(db))
      .use(parseOrders())
      .use(withReceivedAt())
      .catch((error, { event, context, response }) => {
        expectTypeOf(error).toEqualTypeOf<SluiceError>()
        // the parser may be what failed: catch gets the event as Lambda delivered it
        expectTypeOf(event).toEqualTypeOf<SQSEvent>()
        expectTypeOf(context.db).toEqualTypeOf<Db | undefined>()
        expectTypeOf(context.lifecycle).toEqualTypeOf<Lifecycle>()
        expectTypeOf(context).toExtend<Context>()
        expectTypeOf(response).toEqualTypeOf<unknown>()
        return { failed: event.Records.length }
      })
      .handler((orders) => orders.length)
  })

  test('catch is typed by its position: later middlewares add nothing it can see, and the event is not parsed', () => {
    lambda<SQSEvent>()
      .catch((_error, { context }) => {
        // @ts-expect-error withDb is used after .catch(): catch cannot rely on context.db
        context.db
        return null
      })
      .use(withDb(db))
      .handler(() => null)
    lambda<SQSEvent>()
      .use(parseOrders())
      .catch((_error, { event }) => {
        // @ts-expect-error the event in catch is the SQSEvent, never the parsed Order[]
        event.length
        return null
      })
      .handler(() => null)
    lambda().catch((_error, request) => expectTypeOf(request).toEqualTypeOf<CatchRequest<unknown, {}>>())
  })

  test('sluice middlewares are plain middy middlewares', () => {
    const handler = middy<SQSEvent>().use(lifecycle()).use(withDb(db))
    expectTypeOf(handler).toBeFunction()
  })
})
