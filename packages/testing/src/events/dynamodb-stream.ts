import { randomBytes } from 'node:crypto'
import type { AttributeValue, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda'
import { type EventSourceOptions, eventSource, recordCount, times } from './common.ts'

/**
 * A DynamoDB item in attribute-value form.
 *
 * @example
 * const item: DynamoDbItem = { pk: { S: 'user-1' }, visits: { N: '3' } }
 */
export type DynamoDbItem = Record<string, AttributeValue>

/**
 * Which item changes the stream batch holds.
 *
 * @example
 * const options: DynamoDbStreamEventOptions = { records: 2, eventName: 'MODIFY' }
 */
export type DynamoDbStreamEventOptions = EventSourceOptions & {
  /** Number of records (default 1). */
  records?: number
  /** Default `INSERT`. INSERT carries NewImage, REMOVE OldImage, MODIFY both. */
  eventName?: 'INSERT' | 'MODIFY' | 'REMOVE'
  /** Default `sluice-table`. */
  tableName?: string
  /** Default `{ pk: { S: 'item-<index>' } }`. */
  keys?: (index: number) => DynamoDbItem
  /** Default: the keys plus `{ index: { N: '<index>' } }`. */
  newImage?: (index: number) => DynamoDbItem
  /** Default: the keys plus `{ index: { N: '<index>' } }`. */
  oldImage?: (index: number) => DynamoDbItem
}

const FIRST_SEQUENCE_NUMBER = 111_000_000_000_000_000_001n

/**
 * A DynamoDB Streams event with `NEW_AND_OLD_IMAGES` records.
 *
 * @example
 * const event = dynamoDbStreamEvent({ records: 2, newImage: (i) => ({ pk: { S: `u-${i}` }, name: { S: 'Ada' } }) })
 * event.Records[1]?.dynamodb?.NewImage?.pk // { S: 'u-1' }
 */
export function dynamoDbStreamEvent(options: DynamoDbStreamEventOptions = {}): DynamoDBStreamEvent {
  const { region, accountId, now } = eventSource(options)
  const eventName = options.eventName ?? 'INSERT'
  const table = options.tableName ?? 'sluice-table'
  const streamLabel = new Date(now).toISOString().slice(0, 23)
  const keysOf = options.keys ?? ((index: number): DynamoDbItem => ({ pk: { S: `item-${index}` } }))
  const imageOf = (index: number): DynamoDbItem => ({ ...keysOf(index), index: { N: String(index) } })

  function dynamoDbRecord(index: number): DynamoDBRecord {
    const Keys = keysOf(index)
    const NewImage = eventName === 'REMOVE' ? undefined : (options.newImage ?? imageOf)(index)
    const OldImage = eventName === 'INSERT' ? undefined : (options.oldImage ?? imageOf)(index)
    return {
      eventID: randomBytes(16).toString('hex'),
      eventName,
      eventVersion: '1.1',
      eventSource: 'aws:dynamodb',
      awsRegion: region,
      dynamodb: {
        ApproximateCreationDateTime: Math.floor(now / 1000),
        Keys,
        ...(NewImage && { NewImage }),
        ...(OldImage && { OldImage }),
        SequenceNumber: String(FIRST_SEQUENCE_NUMBER + BigInt(index)),
        SizeBytes: Buffer.byteLength(JSON.stringify({ Keys, NewImage, OldImage })),
        StreamViewType: 'NEW_AND_OLD_IMAGES',
      },
      eventSourceARN: `arn:aws:dynamodb:${region}:${accountId}:table/${table}/stream/${streamLabel}`,
    }
  }

  return { Records: times(recordCount(options.records), dynamoDbRecord) }
}
