import type { DynamoDbChange, Envelope } from '@sluice/events'
import { decodeBase64, isEnvelope, parseJson, unmarshall } from '@sluice/events/decode'
import { BatchError } from './errors.ts'
import type { BatchSource } from './source.ts'
import type {
  SchemaOutput,
  StandardSchemaIssue,
  StandardSchemaResult,
  StandardSchemaV1,
} from './standard-schema.ts'

export type { DynamoDbChange } from '@sluice/events'

/**
 * What decodes a record's payload: any Standard Schema (zod 4, valibot, arktype; batch extracts the payload), or
 * an envelope from `@sluice/events` for SQS, Kinesis or DynamoDB Streams (`envelopes.sqsText(…)`,
 * `envelopes.snsSqs(…)`, …; the envelope extracts it).
 *
 * @example
 * const schema: PayloadSchema = envelopes.sqsText(z.string().min(1))
 */
export type PayloadSchema = StandardSchemaV1 | Envelope<ReadonlyArray<unknown>>

/**
 * What the record handler receives: the record itself; with an envelope, what it gives for one record; with a
 * Standard Schema, its output for the payload (SQS: the JSON body; Kinesis: the JSON in the base64 `data`;
 * DynamoDB Streams: a `DynamoDbChange` whose images it validated).
 *
 * @example
 * type Item = ItemOf<SQSRecord, typeof orderSchema> // Order
 */
export type ItemOf<TRecord, TSchema> = [TSchema] extends [Envelope<ReadonlyArray<infer TItem>>]
  ? TItem
  : [TSchema] extends [StandardSchemaV1]
    ? TRecord extends unknown
      ? // every DynamoDBRecord field is optional, so any record "extends" it, and sluice's parsed records have an
        // index signature, so `keyof` cannot tell either: SQS and Kinesis records each have a required key of their own
        TRecord extends { messageId: string } | { kinesis: object }
        ? SchemaOutput<TSchema>
        : DynamoDbChange<SchemaOutput<TSchema>>
      : never
    : TRecord

type Path = PropertyKey[]
type Loose = Record<string, unknown>

const invalid = (index: number, path: Path, message: string, cause?: unknown) =>
  new BatchError(
    'BATCH_PAYLOAD_INVALID',
    `Record ${index} ${message}: the record is reported as failed and comes back; fix the producer or the schema`,
    { path: ['Records', index, ...path], cause },
  )

const ENVELOPE_SOURCES: Record<BatchSource, string> = {
  sqs: 'sqs',
  'sqs-fifo': 'sqs',
  kinesis: 'kinesis-stream',
  dynamodb: 'dynamodb-stream',
}

/** Whether an envelope reads records of `source` (an SQS envelope on a Kinesis batch would fail every record). */
export const envelopeFits = (envelope: Envelope<unknown>, source: BatchSource): boolean =>
  envelope.source === ENVELOPE_SOURCES[source]

// Until @sluice/events offers a per-record parse, one record is parsed as a batch of one.
const viaEnvelope = (envelope: Envelope<ReadonlyArray<unknown>>, record: unknown, index: number): unknown => {
  try {
    return envelope.parse({ Records: [record] })[0]
  } catch (error) {
    const { path, expected } = error as { path?: unknown; expected?: unknown }
    const inner = Array.isArray(path) && path[0] === 'Records' ? path.slice(2) : []
    const what = typeof expected === 'string' ? `expected ${expected}` : (error as Error).message
    throw invalid(
      index,
      inner,
      `does not parse (${what} at ${['Records', index, ...inner].join('.')})`,
      error,
    )
  }
}

const issuePath = (issue: StandardSchemaIssue): Path =>
  (issue.path ?? []).map((segment) => (typeof segment === 'object' ? segment.key : segment))

const unwrap = (result: StandardSchemaResult<unknown>, index: number, at: Path): unknown => {
  if (result.issues === undefined) return result.value
  const [first] = result.issues
  const where = first ? [...at, ...issuePath(first)] : at
  throw invalid(index, where, `does not match the schema (${first?.message ?? 'invalid'})`, result.issues)
}

const validate = (schema: StandardSchemaV1, value: unknown, index: number, at: Path): unknown => {
  const result = schema['~standard'].validate(value)
  return result instanceof Promise ? result.then((r) => unwrap(r, index, at)) : unwrap(result, index, at)
}

// Bodies and data are parsed with events' prototype-safe parseJson; the decoders come from the zod-free
// `@sluice/events/decode`, so a batch function does not load the schemas at cold start.
const json = (text: unknown, index: number, at: Path, what: string): unknown => {
  try {
    return parseJson(text as string)
  } catch (error) {
    throw invalid(index, at, `has ${what} that is not JSON`, error)
  }
}

const base64Text = (data: unknown, index: number, at: Path): string => {
  try {
    return decodeBase64(data as string).toString('utf8')
  } catch (error) {
    throw invalid(index, at, 'has data that is not base64', error)
  }
}

const EVENT_NAMES = new Set(['INSERT', 'MODIFY', 'REMOVE'])

const change = (record: Loose, schema: StandardSchemaV1, index: number): unknown => {
  const eventName = record.eventName
  if (!EVENT_NAMES.has(eventName as string)) {
    throw invalid(index, ['eventName'], 'has an eventName other than INSERT, MODIFY or REMOVE')
  }
  const stream = (record.dynamodb ?? {}) as Loose
  const item = (name: string) => {
    try {
      return unmarshall(stream[name] as Parameters<typeof unmarshall>[0])
    } catch (error) {
      throw invalid(index, ['dynamodb', name], 'has attribute values that do not unmarshal', error)
    }
  }
  const image = (name: 'NewImage' | 'OldImage') =>
    stream[name] === undefined ? undefined : validate(schema, item(name), index, ['dynamodb', name])
  const keys = stream.Keys === undefined ? {} : item('Keys')
  const newImage = image('NewImage')
  const oldImage = image('OldImage')
  if (!(newImage instanceof Promise) && !(oldImage instanceof Promise)) {
    return { eventName, keys, newImage, oldImage }
  }
  return Promise.all([newImage, oldImage]).then(([n, o]) => ({ eventName, keys, newImage: n, oldImage: o }))
}

/**
 * The payload of record `index` decoded by `schema` (see {@link PayloadSchema}). Returns the value, or a promise
 * of it (an asynchronous schema; the first DynamoDB record); a payload that does not decode or validate throws
 * (or rejects with) `BATCH_PAYLOAD_INVALID` whose `path` points into the record, with the cause attached.
 *
 * @example
 * decodePayload('sqs', event.Records[0], 0, z.object({ orderId: z.string() })) // { orderId: 'o-1' }
 */
export const decodePayload = (
  source: BatchSource,
  record: unknown,
  index: number,
  schema: PayloadSchema,
): unknown => {
  if (isEnvelope(schema)) return viaEnvelope(schema, record, index)
  const loose = record as Loose
  if (source === 'dynamodb') return change(loose, schema, index)
  if (source === 'kinesis') {
    const at = ['kinesis', 'data']
    const text = base64Text((loose.kinesis as Loose).data, index, at)
    return validate(schema, json(text, index, at, 'data'), index, at)
  }
  return validate(schema, json(loose.body, index, ['body'], 'a body'), index, ['body'])
}
