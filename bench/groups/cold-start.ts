import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { type Bundle, bundle } from '../cold-start/bundle.ts'
import { importOnce, median } from '../cold-start/import-time.ts'
import type { BenchGroup, MeasuredRow } from '../types.ts'

/** Fresh processes per subject: enough for a stable median, few enough to finish in about a minute in all. */
const RUNS = 21

const examples = fileURLToPath(new URL('../../examples/', import.meta.url))
const anchors = fileURLToPath(new URL('../cold-start/', import.meta.url))
const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} kB`

interface App {
  readonly app: string
  readonly variant?: string
  /** Environment of both imports (a local run: no AWS_EXECUTION_ENV, so tracing is off). */
  readonly env?: Readonly<Record<string, string>>
  /** Packages sluice's handler imports dynamically during INIT in this variant (their chunks count as read). */
  readonly loadedAtImport?: readonly string[]
  readonly note: string
}

const apps: readonly App[] = [
  {
    app: 'sqs-orders',
    variant: 'memory store',
    note: 'logger, tracer (off), SQS envelope + zod, batch, idempotency per record. powertools = Logger, Tracer, BatchProcessor with parser, makeIdempotent on DynamoDBPersistenceLayer (Powertools has no memory store): its import holds the X-Ray SDK and the DynamoDB client; sluice on the memory store holds neither (both are lazy chunks)',
  },
  {
    app: 'sqs-orders',
    variant: 'DynamoDB store',
    env: { IDEMPOTENCY_TABLE: 'idempotency' },
    loadedAtImport: ['@aws-sdk/client-dynamodb'],
    note: 'IDEMPOTENCY_TABLE set: sluice imports @aws-sdk/client-dynamodb during INIT (top-level await; its chunks counted in bytes), like Powertools; the X-Ray SDK stays out',
  },
  {
    app: 'http-api',
    note: 'logger with correlation id, tracer (off), API Gateway v2 body parsed with zod, errors mapped to status codes. powertools = Logger (correlationIdPath, so JMESPath), Tracer (X-Ray SDK at import), parser middleware with ApiGatewayV2Envelope, an onError mapper',
  },
  {
    app: 's3-thumbnails',
    note: 'logger, S3 schema, scratch + /tmp cache, S3 client. powertools = Logger, parser middleware with S3Schema, scratch and cache by hand, S3Client created at module scope (the usual advice), so the S3 client is read at import; sluice makes it on first use (a lazy chunk)',
  },
  {
    app: 'kinesis-metrics',
    note: 'logger, ordered batch with zod payloads, EMF through Powertools Metrics on both sides. powertools = Logger, BatchProcessor(KinesisDataStreams) with parser (base64 transformer); no AWS SDK on either side: this row is pino + @sluice/batch against Powertools Logger + batch',
  },
  {
    app: 'scheduled-report',
    note: 'logger, scheduled-event schema, config cached with a TTL. powertools = Logger, parser middleware with EventBridgeSchema, the same TTL cache by hand; no AWS SDK on either side',
  },
]

const row = (subject: MeasuredRow['subject'], built: Bundle, times: readonly number[]): MeasuredRow => {
  const ms = median(times)
  const lazy = built.lazyBytes > 0 ? `, +${kb(built.lazyBytes)} lazy in ${built.chunks - 1} chunk(s)` : ''
  return {
    subject,
    opsPerSec: 1000 / ms,
    bytes: built.importBytes,
    detail: `import ${ms.toFixed(1)} ms (min ${Math.min(...times).toFixed(1)}); ${kb(built.importBytes)} at import${lazy}`,
  }
}

const groupFor = ({ app, variant, env = {}, loadedAtImport, note }: App): BenchGroup => ({
  name: `cold-start: ${app}${variant === undefined ? '' : ` (${variant})`}`,
  note: `esbuild bundle (minified ESM, node24, code splitting, module-first), median import time in ${RUNS} fresh Node processes each (interleaved), bytes = read at import; both bundles carry zod (~440 kB). ${note}`,
  measured: async () => {
    const out = await mkdtemp(join(tmpdir(), `sluice-cold-start-${app}-`))
    try {
      const sluice = await bundle(join(examples, app, 'handler.ts'), join(out, 'sluice'), loadedAtImport)
      const powertools = await bundle(join(anchors, `${app}.powertools.ts`), join(out, 'powertools'))
      const times = { sluice: [] as number[], powertools: [] as number[] }
      // interleaved, so a busy moment on the machine hits both subjects alike
      for (let i = 0; i < RUNS; i++) {
        times.sluice.push(await importOnce(sluice.file, env))
        times.powertools.push(await importOnce(powertools.file, env))
      }
      return [row('powertools', powertools, times.powertools), row('sluice', sluice, times.sluice)]
    } finally {
      await rm(out, { recursive: true, force: true })
    }
  },
})

/** Cold start per example: bundle size and import time, sluice next to the same handler on middy + Powertools. */
export const groups: BenchGroup[] = apps.map(groupFor)
