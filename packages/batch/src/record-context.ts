import type { Context } from 'aws-lambda'
import type { BatchRecord } from './source.ts'

/**
 * What the record handler gets beside the record (or its payload). `signal` and `log` are made on first read,
 * so a handler that never reads them costs nothing for them.
 *
 * @example
 * const handle = async (order: Order, { signal, attempt, log }: RecordContext<SQSRecord>) => {
 *   if (attempt !== undefined && attempt > 3) log?.warn('fourth try')
 *   await fetch(url, { method: 'POST', body: JSON.stringify(order), signal })
 * }
 */
export interface RecordContext<TRecord = BatchRecord, TLog = unknown> {
  /** The record as Lambda delivered it. */
  readonly record: TRecord
  /** Its position in `event.Records`. */
  readonly index: number
  /** What would be reported for it: SQS `messageId`, Kinesis `sequenceNumber`, DynamoDB `SequenceNumber`. */
  readonly itemIdentifier: string
  /** SQS `ApproximateReceiveCount` (1 on first delivery); `undefined` for streams, which do not count. */
  readonly attempt: number | undefined
  /** Aborts (reason: a `TimeoutError`) when the batch stops at its deadline; pass it to slow calls. */
  readonly signal: AbortSignal
  /**
   * From the `log` option, made on first read; `undefined` without it. Typed by the option when its record
   * parameter is annotated (or it is a named function); `unknown` for an unannotated arrow, which TypeScript
   * types only after the handler.
   */
  readonly log: TLog
  /** The invocation's context (`undefined` when `processBatch` got none). */
  readonly context: Context | undefined
}

/**
 * Processes one record. Resolving (or returning) means done; throwing or rejecting reports the record.
 *
 * @example
 * const handleRecord: RecordHandler<SQSRecord, SQSRecord> = async (record) => {
 *   await save(JSON.parse(record.body))
 * }
 */
export type RecordHandler<TItem, TRecord = BatchRecord, TLog = unknown> = (
  item: TItem,
  ctx: RecordContext<TRecord, TLog>,
) => unknown

/** What a {@link RecordCtx} reads from the batch run it belongs to. */
export interface RecordSource<TRecord, TLog> {
  readonly records: ReadonlyArray<TRecord>
  readonly ids: ReadonlyArray<string>
  readonly signal: AbortSignal
  readonly context: Context | undefined
  makeLog(record: TRecord): TLog
}

type Attributes = { readonly attributes?: { readonly ApproximateReceiveCount?: unknown } }

/** One record's context: three fields, the rest read from the run on demand. */
export class RecordCtx<TRecord, TLog> implements RecordContext<TRecord, TLog> {
  readonly #run: RecordSource<TRecord, TLog>
  readonly index: number
  // Boxed: a log of `undefined` (no `log` option) is still made once.
  #log: { readonly value: TLog } | undefined

  constructor(run: RecordSource<TRecord, TLog>, index: number) {
    this.#run = run
    this.index = index
  }

  get record(): TRecord {
    return this.#run.records[this.index] as TRecord
  }

  get itemIdentifier(): string {
    return this.#run.ids[this.index] as string
  }

  get attempt(): number | undefined {
    const count = (this.record as Attributes).attributes?.ApproximateReceiveCount
    const attempt = typeof count === 'string' ? Number.parseInt(count, 10) : Number.NaN
    return Number.isInteger(attempt) ? attempt : undefined
  }

  get signal(): AbortSignal {
    return this.#run.signal
  }

  get log(): TLog {
    this.#log ??= { value: this.#run.makeLog(this.record) }
    return this.#log.value
  }

  get context(): Context | undefined {
    return this.#run.context
  }
}
