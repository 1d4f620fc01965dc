import type {
  DynamoDBRecord,
  DynamoDBStreamEvent,
  KinesisStreamEvent,
  KinesisStreamRecord,
  S3Event,
  S3EventRecord,
  SNSEvent,
  SNSEventRecord,
  SQSEvent,
  SQSRecord,
} from 'aws-lambda'
import type { EventSourceOptions } from './common.ts'
import { type DeepPartial, deepMerge, recordPartials } from './deep-merge.ts'
import { dynamoDbStreamEvent } from './dynamodb-stream.ts'
import { kinesisEvent } from './kinesis.ts'
import { marshall } from './marshall.ts'
import { s3Event } from './s3.ts'
import { snsEvent } from './sns.ts'
import { sqsEvent } from './sqs.ts'

/**
 * A record partial whose payload field also takes any JSON value (stringified for you). */
type WithPayload<$Record, $Key extends string> = Omit<DeepPartial<$Record>, $Key> & { [K in $Key]?: unknown }

/**
 * Overrides for `events.sqs`: `records` is a count or one partial per message; a non-string `body` becomes JSON
 * (and `md5OfBody` follows it).
 *
 * @example
 * const partial: SqsPartial = { records: [{ body: { orderId: 'o-1' } }], fifo: true }
 */
export type SqsPartial = EventSourceOptions & {
  records?: number | ReadonlyArray<Omit<WithPayload<SQSRecord, 'body'>, 'md5OfBody'>>
  fifo?: boolean
  queueName?: string
}

/**
 * `events.sqs`: an SQSEvent from overrides.
 *
 * @example
 * events.sqs({ records: [{ body: { orderId: 'o-1' } }] })
 */
export function sqsFromPartial(partial: SqsPartial = {}): SQSEvent {
  const parts = recordPartials(partial.records)
  const { records: _, ...options } = partial
  const event = sqsEvent({ ...options, records: parts.length, body: (i) => parts[i]?.body ?? { index: i } })
  return {
    Records: event.Records.map((record, i) => {
      const { body: __, ...rest } = parts[i] ?? {}
      return deepMerge<SQSRecord>(record, rest)
    }),
  }
}

/**
 * Overrides for `events.sns`: a non-string `Sns.Message` becomes JSON.
 *
 * @example
 * const partial: SnsPartial = { records: [{ Sns: { Message: { alarm: 'high' }, Subject: 'ALARM' } }] }
 */
export type SnsPartial = EventSourceOptions & {
  records?:
    | number
    | ReadonlyArray<
        DeepPartial<Omit<SNSEventRecord, 'Sns'>> & { Sns?: WithPayload<SNSEventRecord['Sns'], 'Message'> }
      >
  topicName?: string
}

/**
 * `events.sns`: an SNSEvent from overrides.
 *
 * @example
 * events.sns({ records: [{ Sns: { Message: { alarm: 'high' } } }] })
 */
export function snsFromPartial(partial: SnsPartial = {}): SNSEvent {
  const parts = recordPartials(partial.records)
  const { records: _, ...options } = partial
  const event = snsEvent({
    ...options,
    records: parts.length,
    message: (i) => parts[i]?.Sns?.Message ?? { index: i },
  })
  return {
    Records: event.Records.map((record, i) => {
      const { Message: __, ...sns } = parts[i]?.Sns ?? {}
      return deepMerge<SNSEventRecord>(record, { ...parts[i], Sns: sns })
    }),
  }
}

/**
 * Overrides for `events.s3`: one partial per record, laid over an `ObjectCreated:Put` record.
 *
 * @example
 * const partial: S3Partial = { records: [{ s3: { object: { key: 'in/a.csv' } } }], bucket: 'uploads' }
 */
export type S3Partial = EventSourceOptions & {
  records?: number | ReadonlyArray<DeepPartial<S3EventRecord>>
  bucket?: string
}

/**
 * `events.s3`: an S3Event from overrides.
 *
 * @example
 * events.s3({ records: [{ s3: { object: { key: 'in/a.csv' } } }] })
 */
export function s3FromPartial(partial: S3Partial = {}): S3Event {
  const parts = recordPartials(partial.records)
  const { records: _, ...options } = partial
  const event = s3Event({ ...options, records: parts.length })
  return { Records: event.Records.map((record, i) => deepMerge<S3EventRecord>(record, parts[i])) }
}

/**
 * Overrides for `events['kinesis-stream']`: a non-string `kinesis.data` becomes JSON, then base64.
 *
 * @example
 * const partial: KinesisPartial = { records: [{ kinesis: { data: { temp: 21 } } }] }
 */
export type KinesisPartial = EventSourceOptions & {
  records?:
    | number
    | ReadonlyArray<
        DeepPartial<Omit<KinesisStreamRecord, 'kinesis'>> & {
          kinesis?: WithPayload<KinesisStreamRecord['kinesis'], 'data'>
        }
      >
  streamName?: string
}

/**
 * `events['kinesis-stream']`: a KinesisStreamEvent from overrides.
 *
 * @example
 * events['kinesis-stream']({ records: [{ kinesis: { data: { temp: 21 } } }] })
 */
export function kinesisFromPartial(partial: KinesisPartial = {}): KinesisStreamEvent {
  const parts = recordPartials(partial.records)
  const { records: _, ...options } = partial
  const event = kinesisEvent({
    ...options,
    records: parts.length,
    data: (i) => parts[i]?.kinesis?.data ?? { index: i },
  })
  return {
    Records: event.Records.map((record, i) => {
      const { data: __, ...kinesis } = parts[i]?.kinesis ?? {}
      return deepMerge<KinesisStreamRecord>(record, { ...parts[i], kinesis })
    }),
  }
}

/**
 * Overrides for `events['dynamodb-stream']`: `keys`, `newImage` and `oldImage` take plain objects (marshalled for
 * you); anything else is a partial of the record.
 *
 * @example
 * const partial: DynamoDbStreamPartial = { records: [{ eventName: 'MODIFY', newImage: { pk: 'u-1', visits: 2 } }] }
 */
export type DynamoDbStreamPartial = EventSourceOptions & {
  records?:
    | number
    | ReadonlyArray<
        DeepPartial<DynamoDBRecord> & {
          keys?: Record<string, unknown>
          newImage?: Record<string, unknown>
          oldImage?: Record<string, unknown>
        }
      >
  tableName?: string
}

/**
 * `events['dynamodb-stream']`: a DynamoDBStreamEvent from overrides.
 *
 * @example
 * events['dynamodb-stream']({ records: [{ newImage: { pk: 'u-1' } }] })
 */
export function dynamoDbStreamFromPartial(partial: DynamoDbStreamPartial = {}): DynamoDBStreamEvent {
  const parts = recordPartials(partial.records)
  const { records: _, ...options } = partial
  const records = parts.map((part, i) => {
    const { keys, newImage, oldImage, ...rest } = part ?? {}
    const keysOf = () => (keys ? marshall(keys) : { pk: { S: `item-${i}` } })
    const imageOf = (image: Record<string, unknown> | undefined) => () =>
      image ? marshall(image) : { ...keysOf(), index: { N: String(i) } }
    const [record] = dynamoDbStreamEvent({
      ...options,
      records: 1,
      eventName: rest.eventName,
      keys: keysOf,
      newImage: imageOf(newImage),
      oldImage: imageOf(oldImage),
    }).Records
    const sequence = BigInt(record?.dynamodb?.SequenceNumber ?? '0') + BigInt(i)
    return deepMerge<DynamoDBRecord>(record ?? {}, {
      ...rest,
      dynamodb: { SequenceNumber: String(sequence), ...rest.dynamodb },
    })
  })
  return { Records: records }
}
