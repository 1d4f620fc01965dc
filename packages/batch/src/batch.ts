import type { Middleware } from '@sluice/core'
import type { SQSRecord } from 'aws-lambda'
import { type BatchOptions, checkRecordHandler, resolveOptions } from './options.ts'
import type { ItemOf, PayloadSchema } from './payload.ts'
import { type BatchResponse, runBatch } from './process-batch.ts'
import type { RecordHandler } from './record-context.ts'
import type { BatchEvent, BatchRecord } from './source.ts'

/**
 * What {@link batch} adds to the context: the response it will return.
 *
 * @example
 * const respond = (event: SQSEvent, context: BatchContext) => context.batch
 */
export interface BatchContext {
  readonly batch: BatchResponse
}

/**
 * The middleware form of `processBatch`. Its `before` processes the batch (with the deadline of
 * `request.context`, after the middlewares used before it) and puts the response on `context.batch`; its `after`
 * makes that the invocation's response unless the handler returned something else. Every other middleware's
 * `after` still runs. The record type defaults to `SQSRecord`; annotate the handler's record (or pass the type)
 * for Kinesis and DynamoDB Streams.
 *
 * @example
 * export const handler = lambda<SQSEvent>()
 *   .use(batch(async (record) => save(JSON.parse(record.body)), { concurrency: 20 }))
 *   .handler((event, context) => context.batch)
 *
 * // plain middy: no handler needed
 * export const handler = middy<SQSEvent>().use(batch(handleRecord))
 */
export const batch = <
  TRecord extends BatchRecord = SQSRecord,
  TSchema extends PayloadSchema | undefined = undefined,
  TLog = unknown,
>(
  recordHandler: RecordHandler<ItemOf<TRecord, TSchema>, TRecord, TLog>,
  options: Omit<BatchOptions<TRecord, TSchema, TLog>, 'context'> = {},
): Middleware<{ in: BatchEvent<TRecord>; context: BatchContext }> => {
  // Checked here, once, so a bad handler or option fails when the module loads, not on the first batch.
  checkRecordHandler(recordHandler)
  const settings = resolveOptions(options)
  return {
    before: async function batchBefore(request) {
      const response = await runBatch(request.event, recordHandler, settings, request.context)
      ;(request.context as { batch?: BatchResponse }).batch = response
    },
    after: function batchAfter(request) {
      if (request.response === undefined) request.response = request.context.batch
    },
  }
}
