import { lambda } from '@sluice/core'
import { envelopes, parse } from '@sluice/events'
import type { SQSEvent } from 'aws-lambda'
import * as z from 'zod'

const order = z.object({ id: z.string(), cents: z.number().int().nonnegative() })

export const handler = lambda<SQSEvent>()
  .use(parse(envelopes.sqs(order))) // the handler gets { id, cents }[]
  .catch((error, { event }) => ({ failed: error.code, records: event.Records.length }))
  .handler(async (orders, context) => ({
    count: orders.length,
    total: orders.reduce((sum, o) => sum + o.cents, 0),
    cold: context.lifecycle.coldStart,
  }))
