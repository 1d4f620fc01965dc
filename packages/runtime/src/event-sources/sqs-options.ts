import { SluiceRuntimeError } from '../errors.ts'
import { integerOption, reportsBatchItemFailures } from './source-option-checks.ts'
import type { InvokeTarget, SourceBaseOptions } from './source-types.ts'

/**
 * An SQS queue and the Lambda event source mapping that polls it, with AWS's names, units (seconds), ranges and
 * defaults. Only `maximumConcurrency` differs: AWS scales pollers up to 1 000 concurrent invocations, a laptop
 * does not, so it defaults to 5.
 *
 * @example
 * const options: SqsSourceOptions = { function: runtime, maxReceiveCount: 3, functionResponseTypes: ['ReportBatchItemFailures'] }
 */
export interface SqsSourceOptions extends SourceBaseOptions {
  readonly function: InvokeTarget
  /** A FIFO queue: message groups, deduplication, batches of at most 10. Default false. */
  readonly fifo?: boolean
  /** Seconds a received message stays invisible (0–43 200). Default 30. */
  readonly visibilityTimeout?: number
  /** Seconds a message is kept before SQS drops it by age (60–1 209 600). Default 345 600 (4 days). */
  readonly messageRetentionPeriod?: number
  /** Seconds before a new message can first be received (0–900). Default 0. */
  readonly delaySeconds?: number
  /** Largest message in bytes, body and attributes (1 024–1 048 576). Default 1 048 576 (1 MiB). */
  readonly maximumMessageSize?: number
  /** Redrive policy: receives before the message moves to the DLQ (1–1 000). Unset: no DLQ. */
  readonly maxReceiveCount?: number
  /** FIFO: the SHA-256 of the body is the deduplication id when a message has none. Default false. */
  readonly contentBasedDeduplication?: boolean
  /** Messages per invocation: 1–10 000 (above 10 needs a batching window), FIFO 1–10. Default 10. */
  readonly batchSize?: number
  /** Seconds to gather a batch (0–300); not for FIFO. Default 0. */
  readonly maximumBatchingWindowInSeconds?: number
  /** `['ReportBatchItemFailures']` to honour `batchItemFailures` in the response. Default `[]`. */
  readonly functionResponseTypes?: readonly 'ReportBatchItemFailures'[]
  /** Batches in flight at once (2–1 000). Default 5 (AWS: up to 1 000). */
  readonly maximumConcurrency?: number
  /** Standard queues: probability (0–1) that a received message is delivered once more in another batch. */
  readonly duplicateDelivery?: number
  /** Seed of the duplicate-delivery draws, for reproducible runs. */
  readonly seed?: number
  /** Region in the queue ARN and records. Default `us-east-1`. */
  readonly region?: string
}

/** {@link SqsSourceOptions} checked, with every default applied (durations in Lambda ms). */
export interface ResolvedSqsOptions {
  readonly name: string
  readonly fifo: boolean
  readonly visibilityMs: number
  readonly retentionMs: number
  readonly delayMs: number
  readonly maximumMessageSize: number
  readonly maxReceiveCount: number | undefined
  readonly contentBasedDeduplication: boolean
  readonly batchSize: number
  readonly batchingWindowMs: number
  readonly reportBatchItemFailures: boolean
  readonly maximumConcurrency: number
  readonly duplicateDelivery: number
  readonly seed: number
  readonly region: string
  readonly arn: string
}

const invalid = (message: string) => new SluiceRuntimeError('EVENT_SOURCE_INVALID_OPTION', message)

/** An integer option in AWS's `[min, max]`, or `fallback` when unset. */
const integerIn = (
  options: SqsSourceOptions,
  key: keyof SqsSourceOptions,
  range: [number, number],
  fallback: number,
) => integerOption(`sqs ${key}`, options[key], fallback, range)

function flag(options: SqsSourceOptions, key: 'fifo' | 'contentBasedDeduplication'): boolean {
  const value: unknown = options[key]
  if (value !== undefined && typeof value !== 'boolean')
    throw invalid(`sqs ${key} must be true or false (got ${JSON.stringify(value)})`)
  return value === true
}

function probability(value: unknown): number {
  if (value === undefined) return 0
  if (typeof value !== 'number' || !(value >= 0 && value <= 1))
    throw invalid(`sqs duplicateDelivery must be a number from 0 to 1 (got ${JSON.stringify(value)})`)
  return value
}

function mapping(options: SqsSourceOptions, fifo: boolean) {
  const batchingWindow = integerIn(options, 'maximumBatchingWindowInSeconds', [0, 300], 0)
  if (fifo && batchingWindow > 0)
    throw invalid('sqs maximumBatchingWindowInSeconds is not supported for FIFO queues: leave it unset or 0')
  const batchSize = integerIn(options, 'batchSize', [1, fifo ? 10 : 10_000], 10)
  if (batchSize > 10 && batchingWindow < 1)
    throw invalid(
      `sqs batchSize ${batchSize} needs maximumBatchingWindowInSeconds of at least 1 (AWS allows more than 10 only with a batching window)`,
    )
  const duplicateDelivery = probability(options.duplicateDelivery)
  if (fifo && duplicateDelivery > 0)
    throw invalid('sqs duplicateDelivery is for standard queues: a FIFO queue delivers each message once')
  const seed = options.seed ?? Math.floor(Math.random() * 2 ** 32)
  if (typeof seed !== 'number' || !Number.isFinite(seed))
    throw invalid(`sqs seed must be a finite number (got ${JSON.stringify(seed)})`)
  return {
    batchSize,
    batchingWindowMs: batchingWindow * 1000,
    reportBatchItemFailures: reportsBatchItemFailures(
      'sqs functionResponseTypes',
      options.functionResponseTypes,
    ),
    maximumConcurrency: integerIn(options, 'maximumConcurrency', [2, 1000], 5),
    duplicateDelivery,
    seed,
  }
}

/**
 * Checks every option against AWS's ranges and applies AWS's defaults; a bad one throws
 * `EVENT_SOURCE_INVALID_OPTION` naming the option, the value and what is allowed.
 *
 * @example
 * resolveSqsOptions({ function: runtime, fifo: true, batchSize: 20 }) // throws: FIFO batchSize is 1 to 10
 */
export function resolveSqsOptions(options: SqsSourceOptions): ResolvedSqsOptions {
  if (typeof options?.function?.invoke !== 'function')
    throw invalid('sqs function must be an InvokeTarget (e.g. the Runtime from startRuntime)')
  const fifo = flag(options, 'fifo')
  const contentBasedDeduplication = flag(options, 'contentBasedDeduplication')
  if (contentBasedDeduplication && !fifo)
    throw invalid('sqs contentBasedDeduplication is for FIFO queues only')
  const region = options.region ?? 'us-east-1'
  if (typeof region !== 'string' || !/^[a-z]{2}(-[a-z]+)+-\d$/.test(region))
    throw invalid(`sqs region must look like us-east-1 (got ${JSON.stringify(region)})`)
  const base = options.name ?? (fifo ? 'queue.fifo' : 'queue')
  if (typeof base !== 'string' || !/^[\w-]{1,80}$/.test(base.replace(/\.fifo$/, '')))
    throw invalid(`sqs name must be 1–80 letters, digits, - or _ (got ${JSON.stringify(base)})`)
  const name = fifo && !base.endsWith('.fifo') ? `${base}.fifo` : base
  const maxReceiveCount =
    options.maxReceiveCount === undefined ? undefined : integerIn(options, 'maxReceiveCount', [1, 1000], 0)
  return {
    name,
    fifo,
    visibilityMs: integerIn(options, 'visibilityTimeout', [0, 43_200], 30) * 1000,
    retentionMs: integerIn(options, 'messageRetentionPeriod', [60, 1_209_600], 345_600) * 1000,
    delayMs: integerIn(options, 'delaySeconds', [0, 900], 0) * 1000,
    maximumMessageSize: integerIn(options, 'maximumMessageSize', [1024, 1_048_576], 1_048_576),
    maxReceiveCount,
    contentBasedDeduplication,
    ...mapping(options, fifo),
    region,
    arn: `arn:aws:sqs:${region}:123456789012:${name}`,
  }
}
