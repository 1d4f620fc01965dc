import { errorMessage, type LifecycleContext } from '@sluice/core'
import { deadlineOf, marginFor } from '@sluice/timeout'
import type { Context } from 'aws-lambda'
import { BatchError } from './errors.ts'
import { callHook } from './hook-failure.ts'
import { lanesFor } from './lanes.ts'
import {
  type BatchOptions,
  type BatchSettings,
  checkRecordHandler,
  type FailureReason,
  resolveOptions,
} from './options.ts'
import { envelopeFits, type ItemOf, isEnvelope, type PayloadSchema } from './payload.ts'
import type { RecordHandler } from './record-context.ts'
import { BatchRun, BLOCKED, DONE, FAILED, laneWorker, PENDING, RUNNING, type RunTiming } from './run.ts'
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

const timingFor = (context: Context | undefined, settings: BatchSettings): RunTiming => {
  const deadline = context === undefined ? Number.POSITIVE_INFINITY : deadlineOf(context, settings.clock)
  if (!Number.isFinite(deadline)) {
    return { deadline, marginMs: 0, stopAt: deadline, returnBy: deadline }
  }
  // The function timeout, for marginShare: from the lifecycle when sluice's lambda() started the invocation,
  // else what is left now (a little short of the timeout: the share comes out a little smaller).
  const lifecycle = (context as Partial<LifecycleContext> | undefined)?.lifecycle
  const span = lifecycle ? lifecycle.deadline - lifecycle.startedAt : deadline - settings.clock.now()
  const marginMs = marginFor(Number.isFinite(span) ? span : 0, settings)
  // Half the margin is kept for the response (and the middlewares after this one), whatever graceMs says.
  return { deadline, marginMs, stopAt: deadline - marginMs, returnBy: deadline - marginMs / 2 }
}

const respond = (run: BatchRun, settings: BatchSettings): BatchResponse => {
  const { states, ids, records } = run
  const batchItemFailures: BatchResponse['batchItemFailures'] = []
  const onFailure = settings.onFailure
  for (let index = 0; index < states.length; index++) {
    const state = states[index] as number
    if (state === DONE) continue
    const itemIdentifier = ids[index] as string
    batchItemFailures.push({ itemIdentifier })
    if (onFailure !== undefined) {
      const reason = REASONS[state] as FailureReason
      const failure = { record: records[index], index, itemIdentifier, reason, error: run.errors.get(index) }
      callHook('onFailure', onFailure, failure)
    }
  }
  if (batchItemFailures.length === states.length && states.length > 0 && settings.onAllFailed === 'throw') {
    const errors = [...run.errors.values()]
    const first = errors.length > 0 ? `; first error: ${errorMessage(errors[0])}` : ''
    throw new BatchError(
      'BATCH_ALL_FAILED',
      `All ${states.length} records failed (${errors.length} threw, the others did not finish before the deadline ` +
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
  return runBatch(
    event,
    recordHandler as RecordHandler<unknown, BatchRecord, unknown>,
    resolveOptions(options),
    options.context,
  )
}

/** processBatch with options already resolved (the middleware resolves them once). */
export async function runBatch(
  event: unknown,
  recordHandler: RecordHandler<unknown, BatchRecord, unknown>,
  settings: BatchSettings,
  context: Context | undefined,
): Promise<BatchResponse> {
  checkRecordHandler(recordHandler)
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
  const handler = recordHandler as (item: unknown, ctx: unknown) => unknown
  const run = new BatchRun(
    { source, records, ids, lanes },
    handler,
    settings,
    context,
    timingFor(context, settings),
  )
  const done = run.start(laneWorker)
  if (done !== undefined) await done
  return respond(run, settings)
}
