import { createHash, randomBytes, randomUUID } from 'node:crypto'
import type { SQSEvent, SQSRecord } from 'aws-lambda'
import {
  type EventSourceOptions,
  eventSource,
  type PayloadOption,
  payloadText,
  recordCount,
  times,
} from './common.ts'

/**
 * What the SQS batch looks like.
 *
 * @example
 * const options: SqsEventOptions = { records: 10, fifo: true, groups: 2 }
 */
export type SqsEventOptions = EventSourceOptions & {
  /** Number of messages (default 1). */
  records?: number
  /** Message body; default `{ index }` as JSON. */
  body?: PayloadOption
  /** A FIFO queue: adds MessageGroupId, MessageDeduplicationId and SequenceNumber. */
  fifo?: boolean
  /** Queue name (`.fifo` is appended for FIFO queues when missing). Default `sluice-queue`. */
  queueName?: string
  /** FIFO only: messages are spread round-robin over this many message groups (default 1). */
  groups?: number
  /** `ApproximateReceiveCount` of every message, above 1 for redeliveries (default 1). */
  receiveCount?: number
}

const SENDER_ID = 'AIDAIENQZJOLO23YVJ4VO'
const FIRST_SEQUENCE_NUMBER = 18_849_496_460_467_696_128n

/**
 * An SQS event as Lambda's event source mapping delivers it: real-looking message ids, receipt
 * handles, MD5 of each body and attributes, FIFO fields when `fifo` is set.
 *
 * @example
 * const event = sqsEvent({ records: 3, body: (i) => ({ orderId: `o-${i}` }) })
 * event.Records[2]?.body // '{"orderId":"o-2"}'
 */
export function sqsEvent(options: SqsEventOptions = {}): SQSEvent {
  const { region, accountId, now } = eventSource(options)
  const fifo = options.fifo ?? false
  const baseName = options.queueName ?? 'sluice-queue'
  const queueName = fifo && !baseName.endsWith('.fifo') ? `${baseName}.fifo` : baseName
  const groups = Math.max(1, options.groups ?? 1)

  function sqsRecord(index: number): SQSRecord {
    const body = payloadText(options.body, index, (i) => ({ index: i }))
    const timestamp = String(now)
    return {
      messageId: randomUUID(),
      receiptHandle: `AQEB${randomBytes(96).toString('base64')}`,
      body,
      attributes: {
        ApproximateReceiveCount: String(options.receiveCount ?? 1),
        SentTimestamp: timestamp,
        SenderId: SENDER_ID,
        ApproximateFirstReceiveTimestamp: timestamp,
        ...(fifo && {
          MessageGroupId: `group-${index % groups}`,
          MessageDeduplicationId: createHash('sha256').update(body).digest('hex'),
          SequenceNumber: String(FIRST_SEQUENCE_NUMBER + BigInt(index)),
        }),
      },
      messageAttributes: {},
      md5OfBody: createHash('md5').update(body).digest('hex'),
      eventSource: 'aws:sqs',
      eventSourceARN: `arn:aws:sqs:${region}:${accountId}:${queueName}`,
      awsRegion: region,
    }
  }

  return { Records: times(recordCount(options.records), sqsRecord) }
}
