import { randomUUID } from 'node:crypto'
import { marshall } from '@sluice/testing'
import { SluiceRuntimeError } from '../errors.ts'
import type { StreamAppend } from './stream-engine.ts'

/**
 * One change to a table item, as plain values (marshalled to AttributeValues for the event). `eventName` is
 * inferred when left out: both images MODIFY, only `oldImage` REMOVE, else INSERT.
 *
 * @example
 * const change: DynamoDbStreamRecordInput = { keys: { pk: 'order-1' }, newImage: { total: 12.5 } }
 */
export interface DynamoDbStreamRecordInput {
  readonly eventName?: 'INSERT' | 'MODIFY' | 'REMOVE'
  /** The item's key attributes (one or two; strings or numbers): they pick the shard and keep order per item. */
  readonly keys: Readonly<Record<string, string | number>>
  readonly newImage?: Readonly<Record<string, unknown>>
  readonly oldImage?: Readonly<Record<string, unknown>>
}

/** What the stream writes to each record (DynamoDB's StreamSpecification). */
export type StreamViewType = 'KEYS_ONLY' | 'NEW_IMAGE' | 'OLD_IMAGE' | 'NEW_AND_OLD_IMAGES'

/** Where the DynamoDB stream records say they come from. */
export interface DynamoDbRecordContext {
  readonly awsRegion: string
  readonly streamArn: string
  readonly streamViewType: StreamViewType
}

/** DynamoDB's item size limit, 400 KB (measured here on the marshalled JSON: an approximation). */
export const MAX_DYNAMODB_ITEM_BYTES = 400 * 1024

const bad = (index: number, message: string) =>
  new SluiceRuntimeError('INVALID_ARGUMENT', `dynamodb stream record ${index}: ${message}`)

function plainObject(index: number, name: string, value: unknown): Record<string, unknown> | undefined {
  if (value === undefined) return undefined
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw bad(index, `${name} must be an object of attribute values`)
  return Object.fromEntries(Object.entries(value))
}

function keysOf(index: number, value: unknown): Record<string, string | number> {
  const keys = plainObject(index, 'keys', value ?? null) ?? {}
  const entries = Object.entries(keys)
  const valid = entries.flatMap(([name, key]) =>
    name !== '' && (typeof key === 'string' || (typeof key === 'number' && Number.isFinite(key)))
      ? [[name, key] as const]
      : [],
  )
  if (entries.length < 1 || entries.length > 2 || valid.length !== entries.length)
    throw bad(index, 'keys must hold the one or two key attributes (named), each a string or a number')
  return Object.fromEntries(valid.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
}

function eventNameOf(index: number, item: object, hasNew: boolean, hasOld: boolean) {
  const given: unknown = Reflect.get(item, 'eventName')
  const name = given ?? (hasNew && hasOld ? 'MODIFY' : hasOld ? 'REMOVE' : 'INSERT')
  if (name !== 'INSERT' && name !== 'MODIFY' && name !== 'REMOVE')
    throw bad(index, `eventName must be INSERT, MODIFY or REMOVE (got ${JSON.stringify(given)})`)
  if ((name === 'INSERT' && hasOld) || (name === 'REMOVE' && hasNew))
    throw bad(index, `${name} cannot have ${name === 'INSERT' ? 'oldImage' : 'newImage'}`)
  return name
}

function marshalled(index: number, image: Record<string, unknown>) {
  const item = marshall(image)
  const bytes = Buffer.byteLength(JSON.stringify(item))
  if (bytes > MAX_DYNAMODB_ITEM_BYTES)
    throw new SluiceRuntimeError(
      'EVENT_SOURCE_PAYLOAD_TOO_LARGE',
      `dynamodb stream record ${index}: an image of ${bytes} bytes; a DynamoDB item is at most 400 KB`,
    )
  return item
}

/**
 * Checks what `send` received (one change or a list) and turns each into what the stream engine appends;
 * anything wrong throws before a record is placed.
 *
 * @example
 * dynamodbStreamAppends({ keys: { pk: 'a' }, newImage: { n: 1 } }, context)[0].partitionKey // '{"pk":"a"}'
 */
export function dynamodbStreamAppends(input: unknown, context: DynamoDbRecordContext): StreamAppend[] {
  const list: readonly unknown[] = Array.isArray(input) ? input : [input]
  return list.map((item, index) => {
    if (typeof item !== 'object' || item === null) throw bad(index, 'send { keys, newImage?, oldImage? }')
    const keys = keysOf(index, Reflect.get(item, 'keys'))
    const newImage = plainObject(index, 'newImage', Reflect.get(item, 'newImage'))
    const oldImage = plainObject(index, 'oldImage', Reflect.get(item, 'oldImage'))
    const eventName = eventNameOf(index, item, newImage !== undefined, oldImage !== undefined)
    const view = context.streamViewType
    const images = {
      Keys: marshall(keys),
      ...(newImage && (view === 'NEW_IMAGE' || view === 'NEW_AND_OLD_IMAGES')
        ? { NewImage: marshalled(index, { ...newImage, ...keys }) }
        : {}),
      ...(oldImage && (view === 'OLD_IMAGE' || view === 'NEW_AND_OLD_IMAGES')
        ? { OldImage: marshalled(index, { ...oldImage, ...keys }) }
        : {}),
    }
    const sizeBytes = Buffer.byteLength(JSON.stringify(images))
    return {
      partitionKey: JSON.stringify(keys),
      build: ({ sequenceNumber, arrivedAt }) => ({
        eventID: randomUUID().replaceAll('-', ''),
        eventName,
        eventVersion: '1.1',
        eventSource: 'aws:dynamodb',
        awsRegion: context.awsRegion,
        dynamodb: {
          ApproximateCreationDateTime: Math.floor(arrivedAt / 1000),
          ...images,
          SequenceNumber: sequenceNumber,
          SizeBytes: sizeBytes,
          StreamViewType: view,
        },
        eventSourceARN: context.streamArn,
      }),
    }
  })
}
