import { processBatch } from '@sluice/batch'
import { lambda } from '@sluice/core'
import { envelopes } from '@sluice/events'
import { idempotentRecord, memoryStore } from '@sluice/idempotency'
import { dynamoDbStore } from '@sluice/idempotency/dynamodb'
import { once } from '@sluice/init'
import { childForRecord, logger } from '@sluice/logger'
import { tracer } from '@sluice/tracer'
import type { SQSEvent, SQSRecord } from 'aws-lambda'
import { orderSchema } from './order.ts'
import { fulfil } from './warehouse.ts'

// DynamoDB only when configured: the SDK is imported, and the client made, once per container; a function on
// the memory store never loads it. Bounded timeouts: a store that cannot be reached fails the record fast.
const dynamo = once(async () => {
  const { DynamoDBClient } = await import('@aws-sdk/client-dynamodb')
  return new DynamoDBClient({
    maxAttempts: 2,
    requestHandler: { connectionTimeout: 1_000, requestTimeout: 2_000, throwOnRequestTimeout: true },
  })
})
// `sluice demo` sets SLUICE_IDEMPOTENCY_STORE=memory: embedded defaults instead of cloud resources.
const table = process.env.SLUICE_IDEMPOTENCY_STORE === 'memory' ? undefined : process.env.IDEMPOTENCY_TABLE
const store = table
  ? dynamoDbStore({ client: await dynamo(), tableName: table })
  : memoryStore({ maxEntries: 10_000 })

// One fulfilment per order id, whoever sends it twice: SQS redelivering, or the checkout retrying.
const oncePerOrder = idempotentRecord<SQSRecord>({
  key: ['body.orderId'],
  store,
  expiresAfterSeconds: 86_400,
})
const orders = envelopes.sqs(orderSchema)

/**
 * Fulfils a batch of orders from SQS: each body is parsed and typed (zod, through the SQS envelope), each order
 * goes to the warehouse at most once (idempotent per record), and the response lists only the messages that did
 * not complete — a bad one, one the warehouse refused, those the deadline cut off — so SQS delivers only those
 * again.
 *
 * @example
 * pnpm exec sluice invoke examples/sqs-orders/handler.ts#handler --event examples/sqs-orders/event.json --count 2
 */
export const handler = lambda<SQSEvent>()
  .use(logger({ service: 'orders' }))
  .use(tracer({ serviceName: 'orders' })) // off outside Lambda: no X-Ray code loaded then
  .handler(async (event, context) => {
    const logFor = (record: SQSRecord) => childForRecord(context.log, record)
    const response = await processBatch(
      event,
      async (order, { signal, log }) => {
        const { confirmation } = await fulfil(order, signal)
        log.info({ orderId: order.orderId, confirmation }, 'order fulfilled')
        return confirmation
      },
      {
        context,
        schema: orders,
        concurrency: 4, // the warehouse API takes 4 calls at once from one function instance
        log: logFor,
        wrapRecord: async (record, run) => {
          let ran = false
          const result = await oncePerOrder(
            record,
            () => {
              ran = true
              return run()
            },
            context,
          )
          if (!ran) logFor(record).info('already fulfilled: skipped')
          return result
        },
        onFailure: ({ record, reason, error }) =>
          logFor(record).warn({ reason, err: error }, 'reported for redelivery'),
      },
    )
    context.log.info(
      { records: event.Records.length, reported: response.batchItemFailures.length },
      'batch done',
    )
    return response
  })
