import {
  type Clock,
  deadlineOf,
  errorMessage,
  type LifecycleContext,
  type MarginOptions,
  marginFor,
} from '@sluice/core'
import { isEnvelope } from '@sluice/events/decode'
import type { Context } from 'aws-lambda'
import { BatchError } from './errors.ts'
import { callHook } from './hook-failure.ts'
import { itemDecoder } from './item-decoder.ts'
import { lanesFor } from './lanes.ts'
import {
  type BatchOptions,
  type BatchSettings,
  checkRecordHandler,
  type FailureReason,
  resolveOptions,
} from './options.ts'
import { envelopeFits, type ItemOf, type PayloadSchema } from './payload.ts'
import type { RecordHandler } from './record-context.ts'
import { BatchRun, BLOCKED, DONE, FAILED, PENDING, RUNNING, type RunTiming } from './run.ts'
import { type BatchEvent, type BatchRecord, readBatch } from './source.ts'

/**
 * What Lambda reads back with `ReportBatchItemFailures`: the records to deliver again. Same shape as
 * `SQSBatchResponse`, `KinesisStreamBatchResponse` and `DynamoDBBatchResponse` from `@types/aws-lambda`.
 *
 * @example
 * const response: BatchResponse = { batchItemFailures: [{ itemIdentifier: '059f36b4-87a3-44ab-83d2-661975830a7d' }] }
 */
export interface BatchResponse {
  batchItemFailures: Array<{ itemIdentifier: string }>
}

/**
 * The record type of a batch event.
 *
 * @example
 * type Record = RecordOf<SQSEvent> // SQSRecord
 */
export type RecordOf<TEvent extends BatchEvent> = TEvent['Records'][number]

const REASONS: Record<number, FailureReason> = {
  [PENDING]: 'deadline',
  [RUNNING]: 'unfinished',
  [FAILED]: 'error',
  [BLOCKED]: 'blocked',
}

const timingFor = (
  context: (Context & Partial<LifecycleContext>) | undefined,
  settings: MarginOptions & { readonly clock: Pick<Clock, 'now'> },
): RunTiming => {
  // The deadline on the batch's own clock (its timers run on it too).
  const deadline = context === undefined ? Number.POSITIVE_INFINITY : deadlineOf(context, settings.clock)
  if (!Number.isFinite(deadline)) {
    return { deadline, marginMs: 0, stopAt: deadline, returnBy: deadline }
  }
  // The function timeout, for marginShare: from the lifecycle when sluice's lambda() started the invocation,
  // else what is left now (a little short of the timeout: the share comes out a little smaller).
  const timeoutMs = context?.lifecycle?.timeoutMs ?? deadline - settings.clock.now()
  const marginMs = marginFor(timeoutMs, settings)
  // Half the margin is kept for the response (and the middlewares after this one), whatever graceMs says.
  return { deadline, marginMs, stopAt: deadline - marginMs, returnBy: deadline - marginMs / 2 }
}

const respond = <TItem, TRecord, TLog>(
  run: BatchRun<TItem, TRecord, TLog>,
  settings: BatchSettings<TRecord, PayloadSchema | undefined, TLog>,
): BatchResponse => {
  const { ids, records, size } = run
  const batchItemFailures: BatchResponse['batchItemFailures'] = []
  const onFailure = settings.onFailure
  for (let index = 0; index < size; index++) {
    const state = run.stateOf(index)
    if (state === DONE) continue
    const itemIdentifier = ids[index] as string
    batchItemFailures.push({ itemIdentifier })
    if (onFailure !== undefined) {
      const reason = REASONS[state] as FailureReason
      const record = records[index] as TRecord
      callHook('onFailure', onFailure, { record, index, itemIdentifier, reason, error: run.errorOf(index) })
    }
  }
  if (batchItemFailures.length === size && size > 0 && settings.onAllFailed === 'throw') {
    const errors = run.errors()
    const first = errors.length > 0 ? `; first error: ${errorMessage(errors[0])}` : ''
    throw new BatchError(
      'BATCH_ALL_FAILED',
      `All ${size} records failed (${errors.length} threw, the others did not finish before the deadline ` +
        `or were blocked)${first}. Every record comes back; set onAllFailed: 'report' to return them as ` +
        'batchItemFailures instead of failing the invocation',
      { cause: new AggregateError(errors, 'record errors'), batchItemFailures },
    )
  }
  return { batchItemFailures }
}

/**
 * Runs `recordHandler` on every record of an SQS, Kinesis or DynamoDB Streams batch and returns the records to
 * deliver again (`ReportBatchItemFailures`). SQS standard records run `concurrency` at a time; FIFO message
 * groups run in order, and a failure reports the rest of its group unprocessed; a stream batch runs in order and
 * stops at its first failure. Before each record it checks the deadline (from `options.context`): inside the
 * margin, nothing more starts, records in flight get `ctx.signal` aborted and `graceMs` to finish, and every
 * record not completed is reported — before Lambda's timeout.
 *
 * @example
 * export const handler = lambda<SQSEvent>().handler((event, context) =>
 *   processBatch(event, async (record) => save(JSON.parse(record.body)), { context }),
 * )
 */
export async function processBatch<
  TEvent extends BatchEvent,
  TSchema extends PayloadSchema | undefined = undefined,
  TLog = unknown,
>(
  event: TEvent,
  recordHandler: RecordHandler<ItemOf<RecordOf<TEvent>, TSchema>, RecordOf<TEvent>, TLog>,
  options: BatchOptions<RecordOf<TEvent>, TSchema, TLog> = {},
): Promise<BatchResponse> {
  checkRecordHandler(recordHandler)
  return runBatch<RecordOf<TEvent>, TSchema, TLog>(
    event,
    recordHandler,
    resolveOptions(options),
    options.context,
  )
}

/**
 * processBatch with the handler checked and the options resolved (the middleware does both once, when made).
 *
 * @example
 * const response = await runBatch(event, handleRecord, resolveOptions({}), context)
 */
export async function runBatch<TRecord extends BatchRecord, TSchema extends PayloadSchema | undefined, TLog>(
  event: BatchEvent<TRecord>,
  recordHandler: RecordHandler<ItemOf<TRecord, TSchema>, TRecord, TLog>,
  settings: BatchSettings<TRecord, TSchema, TLog>,
  context: Context | undefined,
): Promise<BatchResponse> {
  const { source, records, ids } = readBatch(event)
  const schema = settings.schema
  if (isEnvelope(schema) && records.length > 0 && !envelopeFits(schema, source)) {
    throw new BatchError(
      'BATCH_INVALID_OPTION',
      `batch: schema is an envelope for ${String(schema.source)} events but the batch is ${source}: use the envelope for this source`,
      { path: ['schema'] },
    )
  }
  const lanes = lanesFor(source, records, settings.concurrency)
  const decode = itemDecoder<TRecord, TSchema>(source, schema)
  const timing = timingFor(context, settings)
  const run = new BatchRun({ records, ids, lanes, decode, handler: recordHandler, timing }, settings, context)
  const done = run.start()
  if (done !== undefined) await done
  return respond(run, settings)
}
