// sqs-orders written the way the Powertools docs show it, on middy: Logger, Tracer, the batch processor with
// parser integration, and idempotency per record. The store follows the sluice example: DynamoDB when
// IDEMPOTENCY_TABLE is set (the persistence layer and its SDK imported during INIT, a top-level await, as the
// example does), else an in-memory layer (./memory-persistence.ts: Powertools has none built in). The business
// code (order schema, warehouse call) is the example's own, so only the framework differs.
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch'
import { parser } from '@aws-lambda-powertools/batch/parser'
import { IdempotencyConfig, makeIdempotent } from '@aws-lambda-powertools/idempotency'
import { Logger } from '@aws-lambda-powertools/logger'
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware'
import { Tracer } from '@aws-lambda-powertools/tracer'
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware'
import middy from '@middy/core'
import type { Context, SQSEvent, SQSRecord } from 'aws-lambda'
import { type Order, orderSchema } from '../../examples/sqs-orders/order.ts'
import { fulfil } from '../../examples/sqs-orders/warehouse.ts'
import { MemoryPersistenceLayer } from './memory-persistence.ts'

const logger = new Logger({ serviceName: 'orders' })
const tracer = new Tracer({ serviceName: 'orders' })
const tableName = process.env.IDEMPOTENCY_TABLE
// the example's client options (bounded retries and timeouts), through the layer's documented clientConfig
const persistenceStore = tableName
  ? new (await import('@aws-lambda-powertools/idempotency/dynamodb')).DynamoDBPersistenceLayer({
      tableName,
      clientConfig: {
        maxAttempts: 2,
        requestHandler: { connectionTimeout: 1_000, requestTimeout: 2_000, throwOnRequestTimeout: true },
      },
    })
  : new MemoryPersistenceLayer()
const config = new IdempotencyConfig({ eventKeyJmesPath: 'body.orderId', expiresAfterSeconds: 86_400 })
const processor = new BatchProcessor(EventType.SQS, {
  parser,
  innerSchema: orderSchema,
  transformer: 'json',
  logger,
})

const processRecord = makeIdempotent(
  async (record: SQSRecord & { body: Order }) => {
    const { confirmation } = await fulfil(record.body, AbortSignal.timeout(10_000))
    logger.info('order fulfilled', { orderId: record.body.orderId, confirmation })
    return confirmation
  },
  { persistenceStore, config },
)

export const handler = middy(async (event: SQSEvent, context: Context) => {
  config.registerLambdaContext(context)
  return processPartialResponse(event, processRecord as never, processor, { context })
})
  .use(captureLambdaHandler(tracer))
  .use(injectLambdaContext(logger))
