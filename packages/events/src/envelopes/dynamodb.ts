import type { z } from 'zod'
import { defineEnvelope, type Envelope } from '../envelope.ts'
import { compiledSchema, type PayloadSite, parseAt } from '../payload.ts'
import { type DynamoDbAttributeValue, isDynamoDbAttributeValue } from '../schemas/dynamodb-attribute.ts'
import { arrayField, objectAt, shapeError } from '../shape.ts'
import { unmarshall } from '../unmarshall.ts'

/**
 * One item change from a DynamoDB stream, unmarshalled: `keys` as plain data, and the images parsed with your
 * schema (`undefined` where the stream view or the event kind has none).
 *
 * @example
 * const change: DynamoDbChange<User> = { eventName: 'INSERT', keys: { pk: 'u-1' }, newImage: user, oldImage: undefined }
 */
export interface DynamoDbChange<$Image> {
  readonly eventName: 'INSERT' | 'MODIFY' | 'REMOVE'
  readonly keys: Record<string, unknown>
  readonly newImage: $Image | undefined
  readonly oldImage: $Image | undefined
}

const EVENT_NAMES = new Set(['INSERT', 'MODIFY', 'REMOVE'])

function item(value: unknown, path: Array<string | number>, site: PayloadSite): Record<string, unknown> {
  const attributes = objectAt(value, path, site)
  for (const name in attributes) {
    if (!isDynamoDbAttributeValue(attributes[name])) {
      throw shapeError(
        site,
        [...path, name],
        'a DynamoDB attribute value ({ "S": … }, { "N": … }, …)',
        attributes[name],
      )
    }
  }
  return unmarshall(attributes as Record<string, DynamoDbAttributeValue>)
}

/**
 * DynamoDB Streams: each record's images unmarshalled to plain objects (numbers kept exact: a number when it
 * round-trips through a double, otherwise its string) and parsed with `schema`.
 *
 * @example
 * for (const change of envelopes.dynamodbStream(userSchema).parse(event)) {
 *   if (change.eventName === 'REMOVE') forget(change.keys)
 * }
 */
export function dynamodbStream<$Schema extends z.ZodType>(
  schema: $Schema,
): Envelope<Array<DynamoDbChange<z.output<$Schema>>>> {
  const payload = compiledSchema(schema)
  return defineEnvelope('dynamodb-stream', false, function parseDynamoDbStream(event, site) {
    const records = arrayField(event, 'Records', site)
    return records.map((record, i) => {
      const object = objectAt(record, ['Records', i], site)
      const eventName = object.eventName
      if (typeof eventName !== 'string' || !EVENT_NAMES.has(eventName)) {
        throw shapeError(site, ['Records', i, 'eventName'], 'one of "INSERT", "MODIFY", "REMOVE"', eventName)
      }
      const base = ['Records', i, 'dynamodb']
      const stream = objectAt(object.dynamodb, base, site)
      const image = (key: 'NewImage' | 'OldImage') =>
        stream[key] === undefined
          ? undefined
          : parseAt(payload, item(stream[key], [...base, key], site), [...base, key], site)
      return {
        eventName: eventName as DynamoDbChange<unknown>['eventName'],
        keys: item(stream.Keys, [...base, 'Keys'], site),
        newImage: image('NewImage'),
        oldImage: image('OldImage'),
      }
    })
  })
}
