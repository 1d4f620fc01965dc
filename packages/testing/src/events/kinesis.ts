import type { KinesisStreamEvent, KinesisStreamRecord } from 'aws-lambda'
import {
  type EventSourceOptions,
  eventSource,
  type PayloadOption,
  payloadText,
  recordCount,
  times,
} from './common.ts'

/**
 * What the Kinesis batch carries.
 *
 * @example
 * const options: KinesisEventOptions = { records: 5, data: (i) => ({ reading: i }) }
 */
export type KinesisEventOptions = EventSourceOptions & {
  /** Number of records (default 1). */
  records?: number
  /** Record payload before base64 encoding; default `{ index }` as JSON. */
  data?: PayloadOption
  /** Default `sluice-stream`. */
  streamName?: string
  /** Partition key, or a function of the index; default `partition-<index>`. */
  partitionKey?: string | ((index: number) => string)
}

const FIRST_SEQUENCE_NUMBER = 49_590_338_271_490_256_608_559_692_538_361_571_095_921_575_989_136_588_898n

/**
 * A Kinesis Data Streams event: `data` base64-encoded as Lambda delivers it, increasing sequence
 * numbers within the one shard.
 *
 * @example
 * const event = kinesisEvent({ data: { temp: 21 } })
 * Buffer.from(event.Records[0]!.kinesis.data, 'base64').toString() // '{"temp":21}'
 */
export function kinesisEvent(options: KinesisEventOptions = {}): KinesisStreamEvent {
  const { region, accountId, now } = eventSource(options)
  const streamName = options.streamName ?? 'sluice-stream'

  function kinesisRecord(index: number): KinesisStreamRecord {
    const sequenceNumber = String(FIRST_SEQUENCE_NUMBER + BigInt(index))
    const partitionKey =
      typeof options.partitionKey === 'function'
        ? options.partitionKey(index)
        : (options.partitionKey ?? `partition-${index}`)
    return {
      kinesis: {
        kinesisSchemaVersion: '1.0',
        partitionKey,
        sequenceNumber,
        data: Buffer.from(payloadText(options.data, index, (i) => ({ index: i }))).toString('base64'),
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
  }

  return { Records: times(recordCount(options.records), kinesisRecord) }
}
