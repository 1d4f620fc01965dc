import type { DynamoDbStreamEvent, KinesisStreamEvent, SqsRecord } from '@sluice/events'
import type { DynamoDBRecord, KinesisStreamRecord, SQSRecord } from 'aws-lambda'
import { BatchError } from './errors.ts'

/**
 * Where a batch comes from; it decides the identifier and the ordering rules.
 *
 * @example
 * readBatch(event).source // 'sqs-fifo'
 */
export type BatchSource = 'sqs' | 'sqs-fifo' | 'kinesis' | 'dynamodb'

/**
 * A record of a batch `@sluice/batch` can report on: typed by `@types/aws-lambda`, or as `@sluice/events` parses
 * it (`parse(schemas.sqs)` before `batch()`).
 *
 * @example
 * const records: BatchRecord[] = event.Records
 */
export type BatchRecord =
  | SQSRecord
  | KinesisStreamRecord
  | DynamoDBRecord
  | SqsRecord
  | KinesisStreamEvent['Records'][number]
  | DynamoDbStreamEvent['Records'][number]

/**
 * A batch event: SQS (standard or FIFO), Kinesis Data Streams or DynamoDB Streams.
 *
 * @example
 * const event: BatchEvent<SQSRecord> = events.sqs({ records: 3 })
 */
export interface BatchEvent<TRecord extends BatchRecord = BatchRecord> {
  readonly Records: ReadonlyArray<TRecord>
}

/**
 * The records of a batch, their identifiers (`itemIdentifier` to report) and where they come from.
 *
 * @example
 * const { source, ids }: ReadBatch = readBatch(event)
 */
export interface ReadBatch<TRecord = unknown> {
  readonly source: BatchSource
  readonly records: ReadonlyArray<TRecord>
  readonly ids: string[]
}

type Loose = Record<string, unknown>
const isObject = (value: unknown): value is Loose => typeof value === 'object' && value !== null

// A Map, not an object literal: an `eventSource` of 'constructor' must not find Object.prototype's.
const EVENT_SOURCES = new Map<unknown, 'sqs' | 'kinesis' | 'dynamodb'>([
  ['aws:sqs', 'sqs'],
  ['aws:kinesis', 'kinesis'],
  ['aws:dynamodb', 'dynamodb'],
])

/** The source by `eventSource`, else by shape (hand-written events often leave `eventSource` out). */
const kindOf = (record: Loose): 'sqs' | 'kinesis' | 'dynamodb' | undefined => {
  if (record.eventSource !== undefined) return EVENT_SOURCES.get(record.eventSource)
  if (typeof record.messageId === 'string') return 'sqs'
  if (isObject(record.kinesis)) return 'kinesis'
  if (isObject(record.dynamodb)) return 'dynamodb'
  return undefined
}

const ID_PATH = {
  sqs: ['messageId'],
  kinesis: ['kinesis', 'sequenceNumber'],
  dynamodb: ['dynamodb', 'SequenceNumber'],
} as const

const idOf = (record: Loose, kind: 'sqs' | 'kinesis' | 'dynamodb'): unknown => {
  if (kind === 'sqs') return record.messageId
  const inner = record[kind]
  if (!isObject(inner)) return undefined
  return kind === 'kinesis' ? inner.sequenceNumber : inner.SequenceNumber
}

const isFifo = (first: Loose): boolean =>
  (typeof first.eventSourceARN === 'string' && first.eventSourceARN.endsWith('.fifo')) ||
  (isObject(first.attributes) && typeof first.attributes.MessageGroupId === 'string')

const unsupported = (index: number, seen: unknown) =>
  new BatchError(
    'BATCH_UNSUPPORTED_SOURCE',
    `Record ${index} is not an SQS, Kinesis or DynamoDB Streams record (eventSource ${JSON.stringify(seen) ?? 'missing'}), ` +
      'or differs from the first record: processBatch reports partial failures for those three sources only',
    { path: ['Records', index, 'eventSource'] },
  )

/**
 * Checks that `event` is a batch of one supported source where every record has an identifier, and reads the
 * identifiers. Lambda fails the whole batch when a reported identifier is missing or empty, so a record without
 * one is an error before any record runs, not a record that can be reported.
 *
 * @example
 * readBatch(events.sqs({ records: 2 })).ids // ['9d4c…', '1f0e…']
 */
export function readBatch<TRecord extends BatchRecord>(event: BatchEvent<TRecord>): ReadBatch<TRecord>
export function readBatch(event: unknown): ReadBatch
export function readBatch(event: unknown): ReadBatch {
  const records = isObject(event) ? event.Records : undefined
  if (!Array.isArray(records)) {
    throw new BatchError(
      'BATCH_NOT_A_BATCH',
      'The event has no Records array: processBatch takes an SQS, Kinesis or DynamoDB Streams event as Lambda delivers it',
      { path: ['Records'] },
    )
  }
  const count = records.length
  const ids = new Array<string>(count)
  if (count === 0) return { source: 'sqs', records, ids }
  const first: unknown = records[0]
  const kind = isObject(first) ? kindOf(first) : undefined
  // SNS and S3 records spell it EventSource / eventSource; name whichever there is in the message.
  if (kind === undefined)
    throw unsupported(0, isObject(first) ? (first.eventSource ?? first.EventSource) : first)
  for (let index = 0; index < count; index++) {
    const record: unknown = records[index]
    const seen = isObject(record) ? record.eventSource : undefined
    if (seen !== undefined && EVENT_SOURCES.get(seen) !== kind) throw unsupported(index, seen)
    const id = isObject(record) ? idOf(record, kind) : undefined
    if (typeof id !== 'string' || id === '') {
      throw new BatchError(
        'BATCH_RECORD_WITHOUT_ID',
        `Record ${index} has no ${ID_PATH[kind].join('.')}: Lambda fails the whole batch on a missing identifier, ` +
          'so pass records as the event source mapping delivers them',
        { path: ['Records', index, ...ID_PATH[kind]] },
      )
    }
    ids[index] = id
  }
  const source = kind === 'sqs' && isFifo(first as Loose) ? 'sqs-fifo' : kind
  return { source, records, ids }
}
