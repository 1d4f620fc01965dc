// A user's TypeScript (module/moduleResolution node16, ESM): types flow through the published declarations.
// Every @ts-expect-error below must be an error; if the declarations degraded to `any`, tsc reports the
// directive as unused and the packaging test fails.
import { lambda, type Middleware, SluiceError } from '@sluice/core'
import { createContext, events } from '@sluice/testing'
import { timeout } from '@sluice/timeout'
import { tmp } from '@sluice/tmp'
import type { SQSEvent } from 'aws-lambda'

export const countRecords = lambda<SQSEvent>().handler(async (event) => event.Records.length)
export const counted: Promise<number> = countRecords(events.sqs({ records: 2 }), createContext())

// @ts-expect-error an SQS event has Records, not records
export const wrongField = lambda<SQSEvent>().handler(async (event) => event.records)

// @ts-expect-error the handler returns a number, not a string
export const wrongResult: Promise<string> = countRecords(events.sqs(), createContext())

type Order = { id: string; cents: number }
const parseOrders = (): Middleware<{ in: SQSEvent; event: Order[] }> => ({
  before: function parseOrdersBefore(request) {
    request.event = request.event.Records.map((record) => JSON.parse(record.body) as Order) as never
  },
})

// A middleware from another package adds typed context; a parser replaces the event type.
export const orders = lambda<SQSEvent>()
  .use(tmp())
  .use(timeout())
  .use(parseOrders())
  .handler(async (batch, context) => {
    const total: number = batch.reduce((sum, order) => sum + order.cents, 0)
    if (total < 0) throw new SluiceError('negative total', { code: 'NEGATIVE_TOTAL' })
    return { total, scratch: context.tmp.file('orders.json'), cold: context.lifecycle.coldStart }
  })

export const parsedEvent = lambda<SQSEvent>()
  .use(parseOrders())
  // @ts-expect-error after the parser the event is Order[], which has no Records
  .handler(async (batch) => batch.Records)

export const noRemove = lambda()
  .use(tmp())
  // @ts-expect-error tmp() adds context.tmp, and its Scratch has no `remove`
  .handler(async (_event, context) => context.tmp.remove())
