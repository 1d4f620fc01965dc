import {
  destinationName,
  integerOption,
  invalidSourceOption as invalid,
  reportsBatchItemFailures,
} from './source-option-checks.ts'

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

function destination(value: unknown): string | undefined {
  if (value === undefined) return undefined
  const allowed = '{ onFailure: { destination: string } } (streams have no onSuccess)'
  if (typeof value !== 'object' || value === null || Object.keys(value).some((key) => key !== 'onFailure'))
    throw invalid('destinationConfig', value, allowed)
  return destinationName('destinationConfig.onFailure', Reflect.get(value, 'onFailure'), allowed)
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
  const age = integerOption(
    'maximumRecordAgeInSeconds',
    options.maximumRecordAgeInSeconds,
    -1,
    [60, 604_800],
    true,
  )
  const window = integerOption(
    'maximumBatchingWindowInSeconds',
    options.maximumBatchingWindowInSeconds,
    0,
    [0, 300],
  )
  return {
    shards: integerOption('shards', options.shards, 1, [1, 1000]),
    batchSize: integerOption('batchSize', options.batchSize, 100, [1, 10_000]),
    batchingWindowMs: window * 1000,
    startingPosition,
    bisect: bisectBatchOnFunctionError,
    maximumRetryAttempts: integerOption(
      'maximumRetryAttempts',
      options.maximumRetryAttempts,
      -1,
      [0, 10_000],
      true,
    ),
    maximumRecordAgeInSeconds: age,
    parallelizationFactor: integerOption('parallelizationFactor', options.parallelizationFactor, 1, [1, 10]),
    reportBatchItemFailures: reportsBatchItemFailures('functionResponseTypes', options.functionResponseTypes),
    onFailure: destination(options.destinationConfig),
  }
}
