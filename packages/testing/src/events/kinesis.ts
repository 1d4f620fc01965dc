import { randomUUID } from 'node:crypto'
import type {
  FirehoseTransformationEvent,
  FirehoseTransformationEventRecord,
  KinesisStreamEvent,
  KinesisStreamRecord,
} from 'aws-lambda'
import {
  type EventSourceOptions,
  eventSource,
  type PayloadOption,
  type PerRecord,
  perRecord,
  recordPayload,
} from './common.ts'
import { type DeepPartial, deepMerge, recordPartials } from './deep-merge.ts'

/**
 * One record partial of `events['kinesis-stream']`: a non-string `kinesis.data` becomes JSON, then base64.
 *
 * @example
 * const record: KinesisRecordPartial = { kinesis: { data: { temp: 21 } } }
 */
export type KinesisRecordPartial = DeepPartial<Omit<KinesisStreamRecord, 'kinesis'>> & {
  kinesis?: Omit<DeepPartial<KinesisStreamRecord['kinesis']>, 'data'> & { data?: unknown }
}

/**
 * Options of `events['kinesis-stream']`.
 *
 * @example
 * const options: KinesisPartial = { records: 5, data: (i) => ({ reading: i }), streamName: 'clicks' }
 */
export type KinesisPartial = EventSourceOptions & {
  /** A count of default records (default 1), or one partial per record. */
  records?: number | ReadonlyArray<KinesisRecordPartial>
  /** Payload of every record without its own, before base64: a value or a function of the index; default `{ index }`. */
  data?: PayloadOption
  /** Default `sluice-stream`. */
  streamName?: string
  /** Partition key, or a function of the index; default `partition-<index>`. */
  partitionKey?: PerRecord<string>
}

const FIRST_SEQUENCE_NUMBER = 49_590_338_271_490_256_608_559_692_538_361_571_095_921_575_989_136_588_898n
const FIRST_FIREHOSE_SEQUENCE = 49_546_986_683_135_544_286_507_457_936_321_625_675_700_192_471_156_785_154n

/**
 * `events['kinesis-stream']`: a Kinesis Data Streams event: `data` base64-encoded as Lambda delivers it, increasing
 * sequence numbers within the one shard.
 *
 * @example
 * const event = events['kinesis-stream']({ data: { temp: 21 } })
 * Buffer.from(event.Records[0]!.kinesis.data, 'base64').toString() // '{"temp":21}'
 */
export function kinesisFromPartial(partial: KinesisPartial = {}): KinesisStreamEvent {
  const { region, accountId, now } = eventSource(partial)
  const streamName = partial.streamName ?? 'sluice-stream'

  function kinesisRecord(part: KinesisRecordPartial | undefined, index: number): KinesisStreamRecord {
    const { data: own, ...kinesis } = part?.kinesis ?? {}
    const sequenceNumber = String(FIRST_SEQUENCE_NUMBER + BigInt(index))
    const data = recordPayload(own, partial.data, index, (i) => ({ index: i }))
    const record: KinesisStreamRecord = {
      kinesis: {
        kinesisSchemaVersion: '1.0',
        partitionKey: perRecord(partial.partitionKey, index, `partition-${index}`),
        sequenceNumber,
        data: Buffer.from(data).toString('base64'),
        approximateArrivalTimestamp: now / 1000,
      },
      eventSource: 'aws:kinesis',
      eventVersion: '1.0',
      eventID: `shardId-000000000000:${sequenceNumber}`,
      eventName: 'aws:kinesis:record',
      invokeIdentityArn: `arn:aws:iam::${accountId}:role/sluice-function-role`,
      awsRegion: region,
      eventSourceARN: `arn:aws:kinesis:${region}:${accountId}:stream/${streamName}`,
    }
    return deepMerge<KinesisStreamRecord>(record, { ...part, kinesis })
  }

  return { Records: recordPartials(partial.records).map(kinesisRecord) }
}

/**
 * Options of `events['kinesis-firehose']`: a count or one partial per record; a non-string `data` becomes JSON,
 * then base64.
 *
 * @example
 * const partial: FirehosePartial = { records: [{ data: { level: 'info' } }] }
 */
export type FirehosePartial = EventSourceOptions &
  Omit<DeepPartial<FirehoseTransformationEvent>, 'records'> & {
    records?:
      | number
      | ReadonlyArray<DeepPartial<Omit<FirehoseTransformationEventRecord, 'data'>> & { data?: unknown }>
  }

/**
 * `events['kinesis-firehose']`: a Firehose transformation request reading from a Kinesis stream.
 *
 * @example
 * events['kinesis-firehose']({ records: [{ data: { level: 'info' } }] })
 */
export function firehoseFromPartial(partial: FirehosePartial = {}): FirehoseTransformationEvent {
  const { region, accountId, now } = eventSource(partial)
  const { records, region: _, accountId: __, clock: ___, ...rest } = partial
  const base: FirehoseTransformationEvent = {
    invocationId: randomUUID(),
    deliveryStreamArn: `arn:aws:firehose:${region}:${accountId}:deliverystream/sluice-delivery`,
    sourceKinesisStreamArn: `arn:aws:kinesis:${region}:${accountId}:stream/sluice-stream`,
    region,
    records: recordPartials(records).map((part, i) => {
      const { data, ...recordRest } = part ?? {}
      const sequenceNumber = String(FIRST_FIREHOSE_SEQUENCE + BigInt(i))
      const record: FirehoseTransformationEventRecord = {
        recordId: `${sequenceNumber}000000000000000`,
        approximateArrivalTimestamp: now,
        data: Buffer.from(recordPayload(data, undefined, i, (index) => ({ index }))).toString('base64'),
        kinesisRecordMetadata: {
          shardId: 'shardId-000000000000',
          partitionKey: `partition-${i}`,
          approximateArrivalTimestamp: now,
          sequenceNumber,
          subsequenceNumber: '',
        },
      }
      return deepMerge<FirehoseTransformationEventRecord>(record, recordRest)
    }),
  }
  return deepMerge<FirehoseTransformationEvent>(base, rest)
}
