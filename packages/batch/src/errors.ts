import { SluiceError } from '@sluice/core'

/**
 * Stable codes of {@link BatchError}:
 * - `BATCH_NOT_A_BATCH`: the event has no `Records` array;
 * - `BATCH_UNSUPPORTED_SOURCE`: the records are not SQS, Kinesis or DynamoDB Streams records (or mix sources);
 * - `BATCH_RECORD_WITHOUT_ID`: a record has no identifier to report (`path` points at it);
 * - `BATCH_ALL_FAILED`: every record failed and `onAllFailed` is `'throw'`;
 * - `BATCH_PAYLOAD_INVALID`: a record's payload did not decode or match the schema (a record failure, never thrown
 *   by `processBatch`: it is what `onFailure` receives);
 * - `BATCH_INVALID_OPTION`: an option has the wrong type or range (`path` names it);
 * - `BATCH_HOOK_FAILED`: the `onFailure` hook threw or rejected (a warning on stderr, never thrown: the batch
 *   still reports every record).
 *
 * @example
 * const isBadInput = (code: BatchErrorCode) => code !== 'BATCH_ALL_FAILED'
 */
export type BatchErrorCode =
  | 'BATCH_NOT_A_BATCH'
  | 'BATCH_UNSUPPORTED_SOURCE'
  | 'BATCH_RECORD_WITHOUT_ID'
  | 'BATCH_ALL_FAILED'
  | 'BATCH_PAYLOAD_INVALID'
  | 'BATCH_INVALID_OPTION'
  | 'BATCH_HOOK_FAILED'

/**
 * Options of {@link BatchError} beyond its code and message.
 *
 * @example
 * new BatchError('BATCH_RECORD_WITHOUT_ID', 'Record 3 has no messageId', { path: ['Records', 3, 'messageId'] })
 */
export interface BatchErrorOptions {
  readonly path?: ReadonlyArray<PropertyKey>
  readonly cause?: unknown
  /** `BATCH_ALL_FAILED`: the identifiers that would have been reported. */
  readonly batchItemFailures?: ReadonlyArray<{ readonly itemIdentifier: string }>
}

/**
 * What `@sluice/batch` throws for input it cannot account for record by record (Lambda would treat a bad
 * identifier as a whole-batch failure anyway), for a batch in which every record failed (with
 * `onAllFailed: 'throw'`), and for bad options. Not exposed, status 500.
 *
 * @example
 * try {
 *   await processBatch(event, handleRecord, { context })
 * } catch (error) {
 *   if (error instanceof BatchError && error.code === 'BATCH_ALL_FAILED') alarm(error.batchItemFailures.length)
 *   throw error
 * }
 */
export class BatchError extends SluiceError {
  override name = 'BatchError'
  declare readonly code: BatchErrorCode
  /** For `BATCH_ALL_FAILED`: every record's identifier; empty otherwise. */
  readonly batchItemFailures: ReadonlyArray<{ readonly itemIdentifier: string }>

  constructor(code: BatchErrorCode, message: string, options: BatchErrorOptions = {}) {
    super(message, { code, path: options.path, cause: options.cause })
    this.batchItemFailures = options.batchItemFailures ?? []
  }
}
