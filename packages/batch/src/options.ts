import { type Clock, isClock, optionChecks, systemClock } from '@sluice/core'
import { isEnvelope } from '@sluice/events/decode'
import type { Context } from 'aws-lambda'
import { BatchError } from './errors.ts'
import type { PayloadSchema } from './payload.ts'
import type { BatchRecord } from './source.ts'
import type { StandardSchemaV1 } from './standard-schema.ts'

/**
 * Why a record is in `batchItemFailures`: its handler threw or rejected, or its payload did not validate
 * (`error`); it was running when time ran out and did not finish within the grace period (`unfinished`); it never
 * started because the deadline was near (`deadline`); it never started because an earlier record of its FIFO
 * message group or stream shard failed (`blocked`).
 *
 * @example
 * const worthAlarm = (reason: FailureReason) => reason === 'unfinished' || reason === 'deadline'
 */
export type FailureReason = 'error' | 'unfinished' | 'deadline' | 'blocked'

/**
 * One reported record, as `onFailure` sees it.
 *
 * @example
 * const onFailure = ({ itemIdentifier, reason, error }: RecordFailure<SQSRecord>) =>
 *   console.warn({ itemIdentifier, reason, error })
 */
export interface RecordFailure<TRecord = BatchRecord> {
  readonly record: TRecord
  readonly index: number
  readonly itemIdentifier: string
  readonly reason: FailureReason
  /** What the handler threw (`error`); `undefined` for the other reasons. */
  readonly error: unknown
}

/**
 * Wraps each record's work, e.g. `idempotentRecord(…)` from `@sluice/idempotency`: call `run()` to process the
 * record, or resolve without calling it to count the record as done (a redelivery that already completed).
 * A rejection fails the record.
 *
 * @example
 * const wrapRecord: WrapRecord<SQSRecord> = (record, run) => (seen.has(record.messageId) ? Promise.resolve() : run())
 */
export type WrapRecord<TRecord = BatchRecord> = (
  record: TRecord,
  run: () => Promise<unknown>,
  context: Context | undefined,
) => Promise<unknown>

/**
 * Options of `processBatch` and `batch`. Every one is optional.
 *
 * @example
 * const options: BatchOptions<SQSRecord> = { concurrency: 20, marginMs: 1_000, onAllFailed: 'report' }
 */
export interface BatchOptions<
  TRecord = BatchRecord,
  TSchema extends PayloadSchema | undefined = undefined,
  TLog = unknown,
> {
  /** The invocation's context: the deadline comes from its `getRemainingTimeInMillis()`. Without it, no deadline. */
  readonly context?: Context
  /** SQS standard: records in flight at once; SQS FIFO: message groups in flight at once. Default 10. */
  readonly concurrency?: number
  /** Stop starting records this many ms before the deadline, at least. Default 500. */
  readonly marginMs?: number
  /** …or this share of the function timeout, when larger (0 ≤ share < 1). Default 0.1. */
  readonly marginShare?: number
  /** How long records in flight get to finish after their signal fired; at most half the margin. Default 200. */
  readonly graceMs?: number
  /** When every record failed: throw `BATCH_ALL_FAILED` (the invocation fails), or report them all. Default `'throw'`. */
  readonly onAllFailed?: 'throw' | 'report'
  /**
   * Decodes each record's payload: a Standard Schema (zod 4, valibot, arktype) or an envelope from
   * `@sluice/events`; the handler then gets the payload. A record whose payload does not decode is a failed record.
   */
  readonly schema?: TSchema
  /** Wraps each record's work (idempotency, tracing); see {@link WrapRecord}. */
  readonly wrapRecord?: WrapRecord<TRecord>
  /** Makes the record's logger (`ctx.log`), on first read, e.g. `(record) => childForRecord(log, record)`. */
  log?(record: TRecord, context: Context | undefined): TLog
  /** Called once per reported record, before the response is returned (or `BATCH_ALL_FAILED` thrown). */
  readonly onFailure?: (failure: RecordFailure<TRecord>) => void
  /** Clock and timers (core's `Clock`); default `systemClock`. Tests pass `createClock()` from @sluice/testing. */
  readonly clock?: Clock
}

/** Options after defaults and checks, typed like the options they came from. */
export interface BatchSettings<
  TRecord = BatchRecord,
  TSchema extends PayloadSchema | undefined = PayloadSchema | undefined,
  TLog = unknown,
> {
  readonly concurrency: number
  readonly marginMs: number
  readonly marginShare: number
  readonly graceMs: number
  readonly onAllFailed: 'throw' | 'report'
  readonly schema: TSchema | undefined
  readonly wrapRecord: WrapRecord<TRecord> | undefined
  readonly log: ((record: TRecord, context: Context | undefined) => TLog) | undefined
  readonly onFailure: ((failure: RecordFailure<TRecord>) => void) | undefined
  readonly clock: Clock
}

const invalid = (name: string, message: string) =>
  new BatchError('BATCH_INVALID_OPTION', `batch: ${name} ${message}`, { path: [name] })

const check = optionChecks(
  (message, option) => new BatchError('BATCH_INVALID_OPTION', `batch: ${message}`, { path: [option] }),
)

const isFunction = (value: unknown) => typeof value === 'function'

const checkFunction = (name: string, value: unknown, what: string) => {
  if (value !== undefined && !isFunction(value)) throw invalid(name, `must be ${what}`)
}

/** Throws `BATCH_INVALID_OPTION` (path `['recordHandler']`) unless `handler` is a function: once, where it is given. */
export const checkRecordHandler = (handler: unknown): void => {
  if (!isFunction(handler)) throw invalid('recordHandler', 'must be a function (record, ctx) => …')
}

const isSchema = (schema: unknown): boolean =>
  isEnvelope(schema)
    ? isFunction(schema.parse)
    : isFunction((schema as Partial<StandardSchemaV1> | null)?.['~standard']?.validate)

/** Applies defaults and checks every option; a bad one throws `BATCH_INVALID_OPTION` with its name as `path`. */
export const resolveOptions = <TRecord, TSchema extends PayloadSchema | undefined, TLog>(
  options: Omit<BatchOptions<TRecord, TSchema, TLog>, 'context'>,
): BatchSettings<TRecord, TSchema, TLog> => {
  if (typeof options !== 'object' || options === null) throw invalid('options', 'must be an object')
  const {
    concurrency = 10,
    marginMs = 500,
    marginShare = 0.1,
    graceMs = 200,
    onAllFailed = 'throw',
  } = options
  const { schema, wrapRecord, log, onFailure, clock = systemClock } = options
  // Infinity is the one non-finite value that means something here: every record (or group) at once.
  if (concurrency !== Number.POSITIVE_INFINITY) {
    check.number('concurrency', concurrency, { integer: true, min: 1 })
  }
  check.number('marginMs', marginMs, { min: 0 })
  check.number('marginShare', marginShare, { min: 0, below: 1 })
  check.number('graceMs', graceMs, { min: 0 })
  check.check(
    onAllFailed === 'throw' || onAllFailed === 'report',
    'onAllFailed',
    onAllFailed,
    "'throw' or 'report'",
  )
  if (schema !== undefined && !isSchema(schema)) {
    throw invalid(
      'schema',
      'must be a Standard Schema (zod 4, valibot, arktype) or an envelope from @sluice/events',
    )
  }
  checkFunction(
    'wrapRecord',
    wrapRecord,
    'a function (record, run, context) => Promise, like idempotentRecord(…)',
  )
  checkFunction('log', log, 'a function (record, context) => logger')
  checkFunction('onFailure', onFailure, 'a function (failure) => void')
  if (!isClock(clock)) {
    throw invalid(
      'clock',
      'must have now(), setTimeout() and clearTimeout(), like createClock() from @sluice/testing',
    )
  }
  return {
    concurrency,
    marginMs,
    marginShare,
    graceMs,
    onAllFailed,
    schema,
    clock,
    wrapRecord,
    log,
    onFailure,
  }
}
