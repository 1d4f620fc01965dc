import type { BasePersistenceLayer } from '@aws-lambda-powertools/idempotency/persistence'
import type { IdempotencyStore } from '@sluice/idempotency'
import type { Subject } from '../types.ts'

/** One invocation of a subject's handler; `i` makes a fresh idempotency key per call. */
export type Invoke = (i: number) => Promise<unknown>

/** A stack measured for heap per invocation: each subject builds its handler (importing its libraries) lazily. */
export interface HeapCase {
  readonly title: string
  readonly note: string
  readonly subjects: Partial<Record<Subject, () => Promise<Invoke>>>
  /** Each invocation is a network round trip: run `heapInvocations / slow` per round. */
  readonly slow?: number
  /** Local AWS the case needs (its endpoint reaches the child through AWS_ENDPOINT_URL_*). */
  readonly aws?: ReadonlyArray<'dynamodb'>
}

const context = async () => (await import('../context.ts')).benchContext({ timeoutMs: 900_000 })
type Order = { orderId: string; amount: number }
const charge = async (order: Order) => ({ charged: order.amount })
const order = (i: number): Order => ({ orderId: `o-${process.pid}-${i}`, amount: 1 })
const noop = { before: () => {}, after: () => {} }
const fields = { orderId: 'o-123', cents: 1250, express: true }

const core: HeapCase = {
  title: 'core + 3 no-op middlewares',
  note: 'bare = the async handler alone; middy as users get it (its 5 ms early-timeout timer per call)',
  subjects: {
    bare: async () => () => charge(order(0)),
    middy: async () => {
      const { default: middy } = await import('@middy/core')
      const ctx = await context()
      const handler = middy<Order>().use(noop).use(noop).use(noop).handler(charge)
      return () => handler(order(0), ctx)
    },
    sluice: async () => {
      const { lambda } = await import('@sluice/core')
      const ctx = await context()
      const handler = lambda<Order>().use(noop).use(noop).use(noop).handler(charge)
      return () => handler(order(0), ctx)
    },
  },
}

const logger: HeapCase = {
  title: 'logger, one line',
  note: 'pino = a child of a root logger bound to the invocation, per call; powertools = Logger with injectLambdaContext on middy; sluice = logger() on lambda(); one info line with 3 fields to /dev/null',
  subjects: {
    pino: async () => {
      const [{ pino }, { devNull }, ctx] = await Promise.all([
        import('pino'),
        import('../loggers.ts'),
        context(),
      ])
      const root = pino({ base: null }, devNull())
      return async () => {
        const log = root.child({
          requestId: ctx.awsRequestId,
          functionName: ctx.functionName,
          coldStart: false,
        })
        log.info(fields, 'order accepted')
      }
    },
    powertools: async () => {
      const [{ Logger }, { injectLambdaContext }, { default: middy }, { quiet }, ctx] = await Promise.all([
        import('@aws-lambda-powertools/logger'),
        import('@aws-lambda-powertools/logger/middleware'),
        import('@middy/core'),
        import('../loggers.ts'),
        context(),
      ])
      const log = quiet(new Logger({ serviceName: 'orders' }))
      const handler = middy(async () => log.info('order accepted', fields)).use(injectLambdaContext(log))
      return () => handler({}, ctx)
    },
    sluice: async () => {
      const [{ lambda }, sluiceLogger, { devNull }, ctx] = await Promise.all([
        import('@sluice/core'),
        import('@sluice/logger'),
        import('../loggers.ts'),
        context(),
      ])
      const handler = lambda()
        .use(sluiceLogger.logger({ destination: devNull(), pretty: false }))
        .handler(async (_event, invocation) => invocation.log.info(fields, 'order accepted'))
      return () => handler({}, ctx)
    },
  },
}

const batchEvent = async () => {
  const { events } = await import('@sluice/testing')
  const event = events.sqs({ records: 10 })
  const failure = new Error('the 10th record fails')
  const last = event.Records[9]?.messageId
  const record = async ({ messageId }: { messageId: string }) => {
    if (messageId === last) throw failure
  }
  return { event, record }
}

const batch: HeapCase = {
  title: 'batch of 10 SQS records',
  note: 'one record of ten failing; powertools = processPartialResponse with BatchProcessor(EventType.SQS); sluice = processBatch',
  subjects: {
    powertools: async () => {
      const { BatchProcessor, EventType, processPartialResponse } = await import(
        '@aws-lambda-powertools/batch'
      )
      const [{ event, record }, ctx] = await Promise.all([batchEvent(), context()])
      const processor = new BatchProcessor(EventType.SQS)
      return () => processPartialResponse(event, record, processor, { context: ctx })
    },
    sluice: async () => {
      const { processBatch } = await import('@sluice/batch')
      const [{ event, record }, ctx] = await Promise.all([batchEvent(), context()])
      return () => processBatch(event, record, { context: ctx })
    },
  },
}

/** Powertools' idempotency middleware on middy, over a persistence layer. */
const powertoolsIdempotent = async (layer: () => Promise<BasePersistenceLayer>) => {
  const [{ IdempotencyConfig }, { makeHandlerIdempotent }, { default: middy }, ctx] = await Promise.all([
    import('@aws-lambda-powertools/idempotency'),
    import('@aws-lambda-powertools/idempotency/middleware'),
    import('@middy/core'),
    context(),
  ])
  const persistenceStore = await layer()
  const config = new IdempotencyConfig({ eventKeyJmesPath: 'orderId' })
  const handler = middy<Order>().use(makeHandlerIdempotent({ persistenceStore, config })).handler(charge)
  return (i: number) => handler(order(i), ctx)
}

/** sluice's idempotency() on lambda(), over a store. */
const sluiceIdempotent = async (store: () => Promise<IdempotencyStore>) => {
  const [{ lambda }, { idempotency }, ctx] = await Promise.all([
    import('@sluice/core'),
    import('@sluice/idempotency'),
    context(),
  ])
  const handler = lambda<Order>()
    .use(idempotency<Order>({ key: (o) => o.orderId, store: await store() }))
    .handler(charge)
  return (i: number) => handler(order(i), ctx)
}

const idempotencyMemory: HeapCase = {
  title: 'idempotency, memory store, fresh key',
  note: 'claim + handler + complete per call; powertools = makeHandlerIdempotent on middy over an in-memory BasePersistenceLayer (cold-start/memory-persistence.ts); sluice = idempotency() with memoryStore(); both keep every record, so retained grows on both sides',
  subjects: {
    bare: async () => (i) => charge(order(i)),
    powertools: () =>
      powertoolsIdempotent(
        async () => new (await import('../cold-start/memory-persistence.ts')).MemoryPersistenceLayer(),
      ),
    sluice: () =>
      sluiceIdempotent(async () =>
        (await import('@sluice/idempotency')).memoryStore({ maxEntries: 100_000 }),
      ),
  },
}

/** One DynamoDB client on the endpoint the parent started (AWS_ENDPOINT_URL_DYNAMODB), for either library. */
const dynamo = async () => {
  const { DynamoDBClient } = await import('@aws-sdk/client-dynamodb')
  return new DynamoDBClient({ region: 'us-east-1' })
}

const idempotencyDynamo: HeapCase = {
  title: 'idempotency, DynamoDB on dynalite, fresh key',
  note: 'the same DynamoDB client (SDK v3) on both sides, dynalite in the bench process; powertools = DynamoDBPersistenceLayer, sluice = dynamoDbStore',
  slow: 8,
  aws: ['dynamodb'],
  subjects: {
    powertools: () =>
      powertoolsIdempotent(async () => {
        const { DynamoDBPersistenceLayer } = await import('@aws-lambda-powertools/idempotency/dynamodb')
        return new DynamoDBPersistenceLayer({ tableName: 'idempotency', awsSdkV3Client: await dynamo() })
      }),
    sluice: () =>
      sluiceIdempotent(async () => {
        const { dynamoDbStore } = await import('@sluice/idempotency/dynamodb')
        return dynamoDbStore({ client: await dynamo(), tableName: 'idempotency' })
      }),
  },
}

/** The stacks the memory group reads heap per invocation for, by name (the child's first argument). */
export const cases: Readonly<Record<string, HeapCase>> = {
  core,
  logger,
  batch,
  'idempotency-memory': idempotencyMemory,
  'idempotency-dynamodb': idempotencyDynamo,
}
