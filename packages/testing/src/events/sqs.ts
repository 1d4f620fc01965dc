import { createHash, randomBytes, randomUUID } from 'node:crypto'
import type { SQSEvent, SQSRecord } from 'aws-lambda'
import { type EventSourceOptions, eventSource, type PayloadOption, recordPayload } from './common.ts'
import { type DeepPartial, deepMerge, recordPartials } from './deep-merge.ts'

/**
 * One message partial of `events.sqs`: laid over the default message; a non-string `body` becomes JSON (and
 * `md5OfBody` follows it).
 *
 * @example
 * const message: SqsRecordPartial = { body: { orderId: 'o-1' }, messageId: 'm-1' }
 */
export type SqsRecordPartial = Omit<DeepPartial<SQSRecord>, 'body' | 'md5OfBody'> & { body?: unknown }

/**
 * Options of `events.sqs`.
 *
 * @example
 * const options: SqsPartial = { records: 10, fifo: true, groups: 2, body: (i) => ({ orderId: `o-${i}` }) }
 */
export type SqsPartial = EventSourceOptions & {
  /** A count of default messages (default 1), or one partial per message (an `SQSEvent`'s `Records` fit). */
  records?: number | ReadonlyArray<SqsRecordPartial>
  /** Body of every message that has none of its own: a value or a function of the index; default `{ index }`. */
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
 * `events.sqs`: an SQS event as Lambda's event source mapping delivers it: real-looking message ids and receipt
 * handles, the MD5 of each body, FIFO fields when `fifo` is set, your message partials laid over it.
 *
 * @example
 * events.sqs({ records: 3, body: (i) => ({ orderId: `o-${i}` }) }).Records[2]?.body // '{"orderId":"o-2"}'
 * events.sqs({ records: [{ body: { orderId: 'o-1' } }] })
 */
export function sqsFromPartial(partial: SqsPartial = {}): SQSEvent {
  const { region, accountId, now } = eventSource(partial)
  const fifo = partial.fifo ?? false
  const baseName = partial.queueName ?? 'sluice-queue'
  const queueName = fifo && !baseName.endsWith('.fifo') ? `${baseName}.fifo` : baseName
  const groups = Math.max(1, partial.groups ?? 1)

  function sqsRecord(part: SqsRecordPartial | undefined, index: number): SQSRecord {
    const { body: own, ...rest } = part ?? {}
    const body = recordPayload(own, partial.body, index, (i) => ({ index: i }))
    const timestamp = String(now)
    const record: SQSRecord = {
      messageId: randomUUID(),
      receiptHandle: `AQEB${randomBytes(96).toString('base64')}`,
      body,
      attributes: {
        ApproximateReceiveCount: String(partial.receiveCount ?? 1),
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
    return deepMerge<SQSRecord>(record, rest)
  }

  return { Records: recordPartials(partial.records).map(sqsRecord) }
}
