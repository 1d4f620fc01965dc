import { createHash, randomBytes } from 'node:crypto'
import type { SqsMessageAttributeInput } from './sqs-message.ts'

/**
 * One record of the `SQSEvent` Lambda hands the function, key for key as AWS builds it.
 *
 * @example
 * const record: SqsEventRecord = event.Records[0]
 * record.attributes.ApproximateReceiveCount // '1'
 */
export interface SqsEventRecord {
  readonly messageId: string
  readonly receiptHandle: string
  readonly body: string
  readonly attributes: Readonly<Record<string, string>>
  readonly messageAttributes: Readonly<
    Record<
      string,
      {
        readonly stringValue?: string
        readonly binaryValue?: string
        readonly stringListValues: readonly string[]
        readonly binaryListValues: readonly string[]
        readonly dataType: string
      }
    >
  >
  readonly md5OfBody: string
  readonly md5OfMessageAttributes?: string
  readonly eventSource: 'aws:sqs'
  readonly eventSourceARN: string
  readonly awsRegion: string
}

/** What a record is built from: the stored message and this receive of it. */
export interface SqsRecordSource {
  readonly id: string
  readonly body: string
  readonly attributes: Readonly<Record<string, SqsMessageAttributeInput>>
  readonly groupId: string | undefined
  readonly deduplicationId: string | undefined
  readonly sequenceNumber: string | undefined
  readonly sentAt: number
  readonly md5OfBody: string
  readonly md5OfMessageAttributes: string | undefined
}

/** The IAM id SQS reports as the sender (AWS's own sample value). */
const SENDER_ID = 'AIDAIENQZJOLO23YVJ4VO'

/** A fresh receipt handle: opaque, new on every receive, the same length each time (so sizes can be planned). */
export const newReceiptHandle = (): string => `AQEB${randomBytes(96).toString('base64')}`

const md5 = (data: string | Uint8Array) => createHash('md5').update(data).digest('hex')

/** MD5 of the body, as `md5OfBody` carries it. */
export const md5OfBody = (body: string): string => md5(body)

function lengthPrefixed(bytes: Buffer): Buffer {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(bytes.length)
  return Buffer.concat([length, bytes])
}

/**
 * SQS's MD5 of message attributes: per attribute in name order, the length-prefixed name, type, a transport
 * byte (1 string, 2 binary) and the length-prefixed value. `undefined` when there are none.
 *
 * @example
 * md5OfMessageAttributes({ tenant: { dataType: 'String', stringValue: 'acme' } }) // 32 hex digits
 */
export function md5OfMessageAttributes(
  attributes: Readonly<Record<string, SqsMessageAttributeInput>>,
): string | undefined {
  const names = Object.keys(attributes).sort()
  if (names.length === 0) return undefined
  const parts = names.flatMap((name) => {
    const { dataType, stringValue, binaryValue } = attributes[name]!
    const binary = binaryValue !== undefined
    return [
      lengthPrefixed(Buffer.from(name)),
      lengthPrefixed(Buffer.from(dataType)),
      Buffer.from([binary ? 2 : 1]),
      lengthPrefixed(binary ? Buffer.from(binaryValue, 'base64') : Buffer.from(stringValue ?? '')),
    ]
  })
  return md5(Buffer.concat(parts))
}

/**
 * The record for one receive of a message.
 *
 * @example
 * sqsEventRecord(message, { receiptHandle: newReceiptHandle(), receiveCount: 1, firstReceiveAt: now }, queue)
 */
export function sqsEventRecord(
  message: SqsRecordSource,
  receive: { readonly receiptHandle: string; readonly receiveCount: number; readonly firstReceiveAt: number },
  queue: { readonly arn: string; readonly region: string },
): SqsEventRecord {
  const attributes: Record<string, string> = {
    ApproximateReceiveCount: String(receive.receiveCount),
    SentTimestamp: String(Math.floor(message.sentAt)),
    SenderId: SENDER_ID,
    ApproximateFirstReceiveTimestamp: String(Math.floor(receive.firstReceiveAt)),
  }
  if (message.sequenceNumber !== undefined) attributes.SequenceNumber = message.sequenceNumber
  if (message.groupId !== undefined) attributes.MessageGroupId = message.groupId
  if (message.deduplicationId !== undefined) attributes.MessageDeduplicationId = message.deduplicationId
  const messageAttributes = Object.fromEntries(
    Object.entries(message.attributes).map(([name, { dataType, stringValue, binaryValue }]) => [
      name,
      {
        ...(binaryValue === undefined ? { stringValue } : { binaryValue }),
        stringListValues: [],
        binaryListValues: [],
        dataType,
      },
    ]),
  )
  return {
    messageId: message.id,
    receiptHandle: receive.receiptHandle,
    body: message.body,
    attributes,
    messageAttributes,
    md5OfBody: message.md5OfBody,
    ...(message.md5OfMessageAttributes === undefined
      ? {}
      : { md5OfMessageAttributes: message.md5OfMessageAttributes }),
    eventSource: 'aws:sqs',
    eventSourceARN: queue.arn,
    awsRegion: queue.region,
  }
}
