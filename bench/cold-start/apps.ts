import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

/** One example app, and how to give it (and its Powertools twin) a first invocation without AWS. */
export interface App {
  readonly app: string
  readonly variant?: string
  /** Environment of both subjects' processes, besides {@link App.aws}'s endpoints. */
  readonly env?: Readonly<Record<string, string>>
  /** Local stand-ins for the AWS services the first invocation calls (see local-aws.ts). */
  readonly aws?: ReadonlyArray<'dynamodb' | 's3'>
  /** Packages sluice's handler imports dynamically during INIT in this variant (their chunks count as read). */
  readonly loadedAtImport?: readonly string[]
  /** The first invocation's event; `run` is unique per process, for ids a store must not have seen. */
  readonly event: (run: string) => unknown
  /** What both subjects' first responses must agree on (a short string), or the comparison means nothing. */
  readonly outcome: (response: unknown) => string
  readonly note: string
  /**
   * The app has a third subject, `<app>.bare.ts` here: the same work with no framework, the floor both frameworks
   * stand on (shown, never a target).
   */
  readonly bare?: true
}

const examples = fileURLToPath(new URL('../../examples/', import.meta.url))
const sample = (app: string, file = 'event.json'): unknown =>
  JSON.parse(readFileSync(`${examples}${app}/${file}`, 'utf8'))

/** The app's example event, as is. */
const exampleEvent = (app: string) => {
  const event = sample(app)
  return () => event
}

type Records<T> = { Records: T[] }
const failures = (response: unknown) =>
  `${(response as { batchItemFailures?: unknown[] }).batchItemFailures?.length ?? 'no'} failed record(s)`

/** SQS orders whose ids carry `run`: a fresh key per process, as a first delivery would be. */
const uniqueOrders = (run: string) => {
  const event = sample('sqs-orders') as Records<{ body: string }>
  return {
    Records: event.Records.map((record) => {
      const body = JSON.parse(record.body) as { orderId: string }
      return { ...record, body: JSON.stringify({ ...body, orderId: `${body.orderId}-${run}` }) }
    }),
  }
}

const sqsOrders = {
  app: 'sqs-orders',
  event: uniqueOrders,
  outcome: failures,
} as const

/** The example apps, sluice's handler next to the same handler on middy + Powertools (bench/cold-start/). */
export const apps: readonly App[] = [
  {
    ...sqsOrders,
    variant: 'memory store',
    env: { FULFILMENT_LATENCY_MS: '0' },
    note: 'logger, tracer (off), SQS envelope + zod, batch, idempotency per record on an in-memory store. powertools = Logger, Tracer (X-Ray SDK at import), BatchProcessor with parser, makeIdempotent on an in-memory BasePersistenceLayer (Powertools has none built in; cold-start/memory-persistence.ts); the simulated warehouse answers at once (FULFILMENT_LATENCY_MS=0) on both sides',
  },
  {
    ...sqsOrders,
    variant: 'DynamoDB store',
    env: { FULFILMENT_LATENCY_MS: '0', IDEMPOTENCY_TABLE: 'idempotency' },
    aws: ['dynamodb'],
    loadedAtImport: ['@aws-sdk/client-dynamodb', '@aws-lambda-powertools/idempotency'],
    note: 'IDEMPOTENCY_TABLE set: both import the DynamoDB client during INIT (a top-level await; its chunks counted in bytes) and the first invocation claims and completes each order in dynalite (in the bench process, fresh keys per process); the X-Ray SDK stays out of sluice',
  },
  {
    app: 'http-api',
    event: exampleEvent('http-api'),
    outcome: (response) => {
      const { statusCode, body } = response as { statusCode?: number; body?: string }
      return `status ${statusCode}: ${body}`
    },
    note: 'logger with correlation id, tracer (off), API Gateway v2 body parsed with zod, errors mapped to status codes. powertools = Logger (correlationIdPath, so JMESPath), Tracer (X-Ray SDK at import), parser middleware with ApiGatewayV2Envelope, an onError mapper',
  },
  {
    app: 's3-thumbnails',
    env: { ASSET_BUCKET: 'brand-assets', THUMBNAIL_BUCKET: 'photos-thumbnails' },
    aws: ['s3'],
    bare: true,
    event: exampleEvent('s3-thumbnails'),
    outcome: (response) =>
      (response as { thumbnails?: Array<{ thumbnailKey?: string }> }).thumbnails
        ?.map((t) => t.thumbnailKey)
        .join(',') ?? 'no thumbnails',
    note: 'logger, S3 schema, scratch + /tmp cache, S3 client; the first invocation downloads the image and the watermark from an S3 look-alike (in the bench process) and uploads the thumbnail. powertools = Logger, parser middleware with S3Schema, scratch and cache by hand, S3Client made at module scope (the usual advice); sluice imports the S3 client on first use (a lazy chunk, paid by the first call); bare = the same S3 client, requests and image code with no framework, no logger library (console.log of a JSON line) and no event validation: the floor the S3 SDK leaves',
  },
  {
    app: 'kinesis-metrics',
    event: exampleEvent('kinesis-metrics'),
    outcome: failures,
    note: 'logger, ordered batch with zod payloads, EMF through Powertools Metrics on both sides. powertools = Logger, BatchProcessor(KinesisDataStreams) with parser (base64 transformer); no AWS SDK on either side: pino + @sluice/batch against Powertools Logger + batch',
  },
  {
    app: 'scheduled-report',
    env: { CONFIG_FILE: `${examples}scheduled-report/report-config.json` },
    event: exampleEvent('scheduled-report'),
    outcome: (response) => JSON.stringify(response),
    note: 'logger, scheduled-event schema, config read from a file at INIT and cached with a TTL. powertools = Logger, parser middleware with EventBridgeSchema, the same TTL cache by hand; no AWS SDK on either side',
  },
]

/** The app's name with its variant, as group names show it. */
export const appName = ({ app, variant }: App) => (variant === undefined ? app : `${app} (${variant})`)

/** The handler files of the subjects: sluice's, Powertools', and the bare one when the app declares it. */
export const entries = (app: App) => ({
  sluice: `${examples}${app.app}/handler.ts`,
  powertools: fileURLToPath(new URL(`./${app.app}.powertools.ts`, import.meta.url)),
  bare: app.bare ? fileURLToPath(new URL(`./${app.app}.bare.ts`, import.meta.url)) : undefined,
})
