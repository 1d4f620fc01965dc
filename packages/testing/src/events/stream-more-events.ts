import { randomBytes, randomUUID } from 'node:crypto'
import { gzipSync } from 'node:zlib'
import type {
  CloudWatchLogsDecodedData,
  CloudWatchLogsEvent,
  CloudWatchLogsLogEvent,
  FirehoseTransformationEvent,
  FirehoseTransformationEventRecord,
} from 'aws-lambda'
import { type EventSourceOptions, eventSource, type PayloadOption, payloadText } from './common.ts'
import { type DeepPartial, deepMerge, recordPartials } from './deep-merge.ts'

/**
 * Overrides for `events['kinesis-firehose']`: a count or one partial per record; a non-string `data` becomes JSON,
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
      const sequenceNumber = String(
        49_546_986_683_135_544_286_507_457_936_321_625_675_700_192_471_156_785_154n + BigInt(i),
      )
      const record: FirehoseTransformationEventRecord = {
        recordId: `${sequenceNumber}000000000000000`,
        approximateArrivalTimestamp: now,
        data: Buffer.from(payloadText(data as PayloadOption | undefined, i, (index) => ({ index }))).toString(
          'base64',
        ),
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

/**
 * Overrides for `events['cloudwatch-logs']`: the decoded payload (`logEvents` a count or partials whose non-string
 * `message` becomes JSON); the builder gzips and base64-encodes it into `awslogs.data`.
 *
 * @example
 * const partial: CloudwatchLogsPartial = { logGroup: '/aws/lambda/orders', logEvents: [{ message: { level: 'error' } }] }
 */
export type CloudwatchLogsPartial = EventSourceOptions &
  Omit<DeepPartial<CloudWatchLogsDecodedData>, 'logEvents'> & {
    logEvents?:
      | number
      | ReadonlyArray<DeepPartial<Omit<CloudWatchLogsLogEvent, 'message'>> & { message?: unknown }>
  }

/**
 * `events['cloudwatch-logs']`: a subscription filter delivery of JSON log lines.
 *
 * @example
 * events['cloudwatch-logs']({ logEvents: [{ message: { level: 'error' } }] })
 */
export function cloudwatchLogsFromPartial(partial: CloudwatchLogsPartial = {}): CloudWatchLogsEvent {
  const { accountId, now } = eventSource(partial)
  const { logEvents, region: _, accountId: __, clock: ___, ...rest } = partial
  const decoded: CloudWatchLogsDecodedData = {
    owner: accountId,
    logGroup: '/aws/lambda/sluice-function',
    logStream: `${new Date(now).toISOString().slice(0, 10).replaceAll('-', '/')}/[$LATEST]${randomBytes(16).toString('hex')}`,
    subscriptionFilters: ['sluice-filter'],
    messageType: 'DATA_MESSAGE',
    logEvents: recordPartials(logEvents).map((part, i) => {
      const { message, ...eventRest } = part ?? {}
      const id = (36_000_000_000_000_000_000_000_000_000_000_000_000_000_000n + BigInt(i)).toString()
      const logEvent: CloudWatchLogsLogEvent = {
        id,
        timestamp: now,
        message: payloadText(message as PayloadOption | undefined, i, (index) => ({ level: 'info', index })),
      }
      return deepMerge<CloudWatchLogsLogEvent>(logEvent, eventRest)
    }),
  }
  const data = gzipSync(JSON.stringify(deepMerge<CloudWatchLogsDecodedData>(decoded, rest))).toString(
    'base64',
  )
  return { awslogs: { data } }
}
