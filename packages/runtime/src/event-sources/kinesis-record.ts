import { SluiceRuntimeError } from '../errors.ts'
import type { StreamAppend } from './stream-engine.ts'

/** A JSON value, as `sluice send` or a test hands it over. */
export type JsonValue =
  | string
  | number
  | boolean
  | null
  | readonly JsonValue[]
  | { readonly [key: string]: JsonValue }

/**
 * One record put on a Kinesis stream: `data` is a string (sent as its UTF-8 bytes) or any JSON value (sent as
 * its JSON text); the function receives it base64, as from Kinesis.
 *
 * @example
 * const record: KinesisRecordInput = { partitionKey: 'checkout', data: { latencyMs: 42 } }
 */
export interface KinesisRecordInput {
  /** 1 to 256 characters; picks the shard (MD5 over the hash key range) and keeps order per key. */
  readonly partitionKey: string
  readonly data: JsonValue
}

/** Kinesis's record limit: data and partition key together at most 1 MiB. */
export const MAX_KINESIS_RECORD_BYTES = 1024 * 1024

/** Where the Kinesis event records say they come from. */
export interface KinesisRecordContext {
  readonly awsRegion: string
  readonly streamArn: string
  readonly invokeIdentityArn: string
}

const bad = (index: number, message: string) =>
  new SluiceRuntimeError('INVALID_ARGUMENT', `kinesis record ${index}: ${message}`)

function dataBytes(index: number, data: unknown): Buffer {
  if (typeof data === 'string') return Buffer.from(data, 'utf8')
  let text: string | undefined
  try {
    text = JSON.stringify(data)
  } catch (error) {
    throw bad(index, `data is not JSON (${String(error)})`)
  }
  if (text === undefined) throw bad(index, 'data must be a string or a JSON value')
  return Buffer.from(text, 'utf8')
}

/**
 * Checks what `send` received (one record or a list, from code or from a user's JSON) and turns each into what
 * the stream engine appends; anything wrong throws before a record is placed.
 *
 * @example
 * kinesisAppends([{ partitionKey: 'a', data: 'hi' }], context)[0].partitionKey // 'a'
 */
export function kinesisAppends(input: unknown, context: KinesisRecordContext): StreamAppend[] {
  const list: readonly unknown[] = Array.isArray(input) ? input : [input]
  return list.map((item, index) => {
    if (typeof item !== 'object' || item === null) throw bad(index, 'send { partitionKey, data }')
    const partitionKey: unknown = Reflect.get(item, 'partitionKey')
    if (typeof partitionKey !== 'string' || partitionKey.length < 1 || [...partitionKey].length > 256)
      throw bad(
        index,
        `partitionKey must be a string of 1 to 256 characters (got ${JSON.stringify(partitionKey)})`,
      )
    const bytes = dataBytes(index, Reflect.get(item, 'data'))
    const size = bytes.length + Buffer.byteLength(partitionKey)
    if (size > MAX_KINESIS_RECORD_BYTES)
      throw new SluiceRuntimeError(
        'EVENT_SOURCE_PAYLOAD_TOO_LARGE',
        `kinesis record ${index}: ${size} bytes of data and partition key; Kinesis takes at most 1 MiB (1048576)`,
      )
    const data = bytes.toString('base64')
    return {
      partitionKey,
      build: ({ sequenceNumber, shardId, arrivedAt }) => ({
        kinesis: {
          kinesisSchemaVersion: '1.0',
          partitionKey,
          sequenceNumber,
          data,
          approximateArrivalTimestamp: arrivedAt / 1000,
        },
        eventSource: 'aws:kinesis',
        eventVersion: '1.0',
        eventID: `${shardId}:${sequenceNumber}`,
        eventName: 'aws:kinesis:record',
        invokeIdentityArn: context.invokeIdentityArn,
        awsRegion: context.awsRegion,
        eventSourceARN: context.streamArn,
      }),
    }
  })
}
