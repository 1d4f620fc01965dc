import type { z } from 'zod'
import { defineEnvelope, type Envelope } from '../envelope.ts'
import { compiledSchema, jsonAt, type PayloadSite, parseAt } from '../payload.ts'
import { arrayField, objectAt, shapeError, stringField } from '../shape.ts'

/**
 * The `Message` of an SNS notification object, checking it is a notification (not a subscription confirmation).
 *
 * @example
 * notificationMessage(JSON.parse(record.body), ['Records', 0, 'body'], site)
 */
export function notificationMessage(
  notification: unknown,
  path: Array<string | number>,
  site: PayloadSite,
): string {
  const object = objectAt(notification, path, site)
  if (object.Type !== 'Notification') throw shapeError(site, [...path, 'Type'], '"Notification"', object.Type)
  return stringField(object, 'Message', path, site)
}

/**
 * SNS: each record's `Sns.Message`, parsed as JSON, then with `schema`.
 *
 * @example
 * const [alarm] = envelopes.sns(alarmSchema).parse(event) // Alarm[]
 */
export function sns<$Schema extends z.ZodType>(schema: $Schema): Envelope<Array<z.output<$Schema>>> {
  const payload = compiledSchema(schema)
  return defineEnvelope('sns', false, function parseSns(event, site) {
    const records = arrayField(event, 'Records', site)
    const out: Array<z.output<$Schema>> = new Array(records.length)
    for (let i = 0; i < records.length; i++) {
      const snsPath = ['Records', i, 'Sns']
      const message = stringField(objectAt(records[i], ['Records', i], site).Sns, 'Message', snsPath, site)
      const path = [...snsPath, 'Message']
      out[i] = parseAt(payload, jsonAt(message, path, site), path, site)
    }
    return out
  })
}
