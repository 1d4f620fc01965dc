import { SluiceRuntimeError } from '../errors.ts'

/**
 * The event source mapping settings Lambda has for Kinesis and DynamoDB streams, in AWS's names and units.
 * `tumblingWindowInSeconds` is not emulated (passing it is an error).
 *
 * @example
 * const mapping: StreamMappingOptions = { batchSize: 10, bisectBatchOnFunctionError: true, maximumRetryAttempts: 2 }
 */
export interface StreamMappingOptions {
  /** Shards of the stream; a record goes to one by the MD5 of its partition key. 1–1000, default 1. */
  readonly shards?: number
  /** Most records per batch: 1–10000, default 100. */
  readonly batchSize?: number
  /** How long to gather records before invoking: 0–300 s, default 0. */
  readonly maximumBatchingWindowInSeconds?: number
  /** Where a new mapping starts reading. The stream starts with the mapping here, so both read every record. */
  readonly startingPosition?: 'TRIM_HORIZON' | 'LATEST'
  /** Split a batch in two on a function error (splits do not count as retries). Default false. */
  readonly bisectBatchOnFunctionError?: boolean
  /** -1 (until the record expires) or 0–10000; default -1. */
  readonly maximumRetryAttempts?: number
  /** -1 (until the record expires: 24 h retention) or 60–604800; default -1. */
  readonly maximumRecordAgeInSeconds?: number
  /** Batches per shard at once, order kept per partition key: 1–10, default 1. */
  readonly parallelizationFactor?: number
  /** `['ReportBatchItemFailures']` to honour `batchItemFailures` in the response. */
  readonly functionResponseTypes?: readonly 'ReportBatchItemFailures'[]
  /** Where discarded batches are described (metadata only); read back with `outputs().onFailure`. */
  readonly destinationConfig?: { readonly onFailure?: { readonly destination: string } }
}

/** {@link StreamMappingOptions} with AWS's defaults applied and the times in Lambda ms. */
export interface StreamMapping {
  readonly shards: number
  readonly batchSize: number
  readonly batchingWindowMs: number
  readonly startingPosition: 'TRIM_HORIZON' | 'LATEST'
  readonly bisect: boolean
  /** -1 is infinite. */
  readonly maximumRetryAttempts: number
  /** -1 is infinite (the retention period still applies). */
  readonly maximumRecordAgeInSeconds: number
  readonly parallelizationFactor: number
  readonly reportBatchItemFailures: boolean
  readonly onFailure: string | undefined
}

const invalid = (option: string, value: unknown, allowed: string) =>
  new SluiceRuntimeError(
    'EVENT_SOURCE_INVALID_OPTION',
    `${option} must be ${allowed} (got ${JSON.stringify(value) ?? String(value)})`,
  )

function integer(
  option: string,
  value: unknown,
  fallback: number,
  min: number,
  max: number,
  minusOne = false,
) {
  if (value === undefined) return fallback
  const ok = typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max
  if (ok || (minusOne && value === -1)) return value
  throw invalid(option, value, `${minusOne ? '-1 or ' : ''}an integer from ${min} to ${max}`)
}

function destination(value: unknown): string | undefined {
  if (value === undefined) return undefined
  const allowed = '{ onFailure: { destination: string } } (streams have no onSuccess)'
  if (typeof value !== 'object' || value === null) throw invalid('destinationConfig', value, allowed)
  if (Object.keys(value).some((key) => key !== 'onFailure'))
    throw invalid('destinationConfig', value, allowed)
  const onFailure: unknown = Reflect.get(value, 'onFailure')
  if (onFailure === undefined) return undefined
  const name =
    typeof onFailure === 'object' && onFailure !== null ? Reflect.get(onFailure, 'destination') : undefined
  if (typeof name !== 'string' || name === '')
    throw invalid('destinationConfig.onFailure', onFailure, allowed)
  return name
}

function responseTypes(value: unknown): boolean {
  if (value === undefined) return false
  if (!Array.isArray(value) || value.some((type) => type !== 'ReportBatchItemFailures'))
    throw invalid('functionResponseTypes', value, "[] or ['ReportBatchItemFailures']")
  return value.length > 0
}

/**
 * Checks a stream mapping's options against AWS's ranges and applies AWS's defaults; anything else is an
 * `EVENT_SOURCE_INVALID_OPTION` naming the option, the value and what is allowed. Unknown keys are left alone.
 *
 * @example
 * resolveStreamMapping({ maximumRetryAttempts: 2 }).maximumRetryAttempts // 2
 */
export function resolveStreamMapping(options: StreamMappingOptions): StreamMapping {
  if (Reflect.get(options, 'tumblingWindowInSeconds') !== undefined)
    throw invalid(
      'tumblingWindowInSeconds',
      Reflect.get(options, 'tumblingWindowInSeconds'),
      'left out (not emulated)',
    )
  const { startingPosition = 'TRIM_HORIZON', bisectBatchOnFunctionError = false } = options
  if (startingPosition !== 'TRIM_HORIZON' && startingPosition !== 'LATEST')
    throw invalid('startingPosition', startingPosition, "'TRIM_HORIZON' or 'LATEST'")
  if (typeof bisectBatchOnFunctionError !== 'boolean')
    throw invalid('bisectBatchOnFunctionError', bisectBatchOnFunctionError, 'a boolean')
  const age = integer('maximumRecordAgeInSeconds', options.maximumRecordAgeInSeconds, -1, 60, 604_800, true)
  return {
    shards: integer('shards', options.shards, 1, 1, 1000),
    batchSize: integer('batchSize', options.batchSize, 100, 1, 10_000),
    batchingWindowMs:
      integer('maximumBatchingWindowInSeconds', options.maximumBatchingWindowInSeconds, 0, 0, 300) * 1000,
    startingPosition,
    bisect: bisectBatchOnFunctionError,
    maximumRetryAttempts: integer('maximumRetryAttempts', options.maximumRetryAttempts, -1, 0, 10_000, true),
    maximumRecordAgeInSeconds: age,
    parallelizationFactor: integer('parallelizationFactor', options.parallelizationFactor, 1, 1, 10),
    reportBatchItemFailures: responseTypes(options.functionResponseTypes),
    onFailure: destination(options.destinationConfig),
  }
}
