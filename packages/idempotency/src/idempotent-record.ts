import type { Context } from 'aws-lambda'
import { createEngine, runOnce, type SharedOptions } from './engine.ts'
import { invocationOf } from './idempotency.ts'
import type { Selector } from './selector.ts'

/**
 * Options of {@link idempotentRecord}: which part of a record identifies it (an SQS `messageId`, an order id
 * in the body), plus the {@link SharedOptions}.
 *
 * @example
 * const options: IdempotentRecordOptions<SQSRecord> = { key: ['body.orderId'], store }
 */
export interface IdempotentRecordOptions<TRecord> extends SharedOptions {
  readonly key: Selector<TRecord>
  readonly payloadValidation?: Selector<TRecord>
  /** Keeps these keys apart from others in the same function (`orders.record#…`). Default `'record'`. */
  readonly name?: string
}

/**
 * The per-record hook: `hook(record, run, context?)` calls `run()` at most once per key and resolves with its
 * result — or, for a record already completed, with the stored result without calling `run`. It rejects with:
 * `IDEMPOTENCY_IN_PROGRESS` (another invocation holds the record: report it as a failed item so it comes back
 * later), `IDEMPOTENCY_PAYLOAD_MISMATCH`, `IDEMPOTENCY_KEY_MISSING` (unless `onMissingKey: 'skip'`, which calls
 * `run` unguarded), `IDEMPOTENCY_STORE_UNAVAILABLE` (`run` not called), or `run`'s own error (the key is then
 * released, so a redelivery runs again). `context` (the invocation's) sets the in-progress expiry to its deadline.
 */
export type IdempotentRecordHook<TRecord> = <TResult>(
  record: TRecord,
  run: () => TResult | Promise<TResult>,
  context?: Partial<Pick<Context, 'functionName' | 'getRemainingTimeInMillis'>>,
) => Promise<TResult>

/**
 * Makes a batch's per-record work idempotent; what `@sluice/batch` calls for each record, and a plain function
 * any loop can use.
 *
 * @example
 * const once = idempotentRecord<SQSRecord>({ key: (record) => record.messageId, store })
 * for (const record of event.Records) await once(record, () => fulfil(JSON.parse(record.body)), context)
 */
export function idempotentRecord<TRecord>(
  options: IdempotentRecordOptions<TRecord>,
): IdempotentRecordHook<TRecord> {
  const engine = createEngine(options, options.name ?? 'record')
  return function idempotentRecordHook(record, run, context) {
    return runOnce(engine, record, invocationOf(context), run)
  }
}
