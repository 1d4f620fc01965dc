import { randomBytes } from 'node:crypto'
import type { AttributeValue, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda'
import { type EventSourceOptions, eventSource, type PerRecord, perRecord } from './common.ts'
import { type DeepPartial, deepMerge, recordPartials } from './deep-merge.ts'
import { marshall } from './marshall.ts'

/**
 * A DynamoDB item in attribute-value form.
 *
 * @example
 * const item: DynamoDbItem = { pk: { S: 'user-1' }, visits: { N: '3' } }
 */
export type DynamoDbItem = Record<string, AttributeValue>

/** An item as plain data (marshalled for you), or a function of the record index giving one. */
type ItemOption = PerRecord<Readonly<Record<string, unknown>>>

/**
 * One record partial of `events['dynamodb-stream']`: `keys`, `newImage` and `oldImage` take plain objects
 * (marshalled for you); anything else is a partial of the record.
 *
 * @example
 * const record: DynamoDbRecordPartial = { eventName: 'MODIFY', newImage: { pk: 'u-1', visits: 2 } }
 */
export type DynamoDbRecordPartial = DeepPartial<DynamoDBRecord> & {
  keys?: Record<string, unknown>
  newImage?: Record<string, unknown>
  oldImage?: Record<string, unknown>
}

/**
 * Options of `events['dynamodb-stream']`. Record-wide `keys`, `newImage` and `oldImage` are plain data or
 * functions of the index; a record partial's own win.
 *
 * @example
 * const options: DynamoDbStreamPartial = { records: 2, eventName: 'MODIFY', newImage: (i) => ({ pk: `u-${i}` }) }
 */
export type DynamoDbStreamPartial = EventSourceOptions & {
  /** A count of default records (default 1), or one partial per record. */
  records?: number | ReadonlyArray<DynamoDbRecordPartial>
  /** Default `INSERT`. INSERT carries NewImage, REMOVE OldImage, MODIFY both. */
  eventName?: 'INSERT' | 'MODIFY' | 'REMOVE'
  /** Default `sluice-table`. */
  tableName?: string
  /** Default `{ pk: 'item-<index>' }`. */
  keys?: ItemOption
  /** Default: the keys plus `{ index }`. */
  newImage?: ItemOption
  /** Default: the keys plus `{ index }`. */
  oldImage?: ItemOption
}

const FIRST_SEQUENCE_NUMBER = 111_000_000_000_000_000_001n

/**
 * `events['dynamodb-stream']`: a DynamoDB Streams event with `NEW_AND_OLD_IMAGES` records and increasing sequence
 * numbers.
 *
 * @example
 * events['dynamodb-stream']({ records: 2, newImage: (i) => ({ pk: `u-${i}`, name: 'Ada' }) })
 * events['dynamodb-stream']({ records: [{ eventName: 'MODIFY', newImage: { pk: 'u-1', visits: 2 } }] })
 */
export function dynamoDbStreamFromPartial(partial: DynamoDbStreamPartial = {}): DynamoDBStreamEvent {
  const { region, accountId, now } = eventSource(partial)
  const table = partial.tableName ?? 'sluice-table'
  const streamLabel = new Date(now).toISOString().slice(0, 23)

  function dynamoDbRecord(part: DynamoDbRecordPartial | undefined, index: number): DynamoDBRecord {
    const { keys, newImage, oldImage, ...rest } = part ?? {}
    const eventName = rest.eventName ?? partial.eventName ?? 'INSERT'
    const Keys = marshall(keys ?? perRecord(partial.keys, index, { pk: `item-${index}` }))
    const imageOf = (own: Record<string, unknown> | undefined, option: ItemOption | undefined) =>
      own || option ? marshall(own ?? perRecord(option, index, {})) : { ...Keys, index: { N: String(index) } }
    const NewImage = eventName === 'REMOVE' ? undefined : imageOf(newImage, partial.newImage)
    const OldImage = eventName === 'INSERT' ? undefined : imageOf(oldImage, partial.oldImage)
    const record: DynamoDBRecord = {
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
    return deepMerge<DynamoDBRecord>(record, rest)
  }

  return { Records: recordPartials(partial.records).map(dynamoDbRecord) }
}
