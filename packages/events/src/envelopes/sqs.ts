import type { z } from 'zod'
import { defineEnvelope, type Envelope } from '../envelope.ts'
import { compiledSchema, jsonAt, parseAt } from '../payload.ts'
import { arrayField, stringField } from '../shape.ts'
import { notificationMessage } from './sns.ts'

/**
 * SQS: each record's `body`, parsed as JSON, then with `schema`. A body that is not JSON is
 * `EVENT_BODY_NOT_JSON` at `Records[i].body`; use `sqsText` for plain-text bodies.
 *
 * @example
 * const orders = envelopes.sqs(z.object({ orderId: z.string() })).parse(event) // { orderId: string }[]
 */
export function sqs<$Schema extends z.ZodType>(schema: $Schema): Envelope<Array<z.output<$Schema>>> {
  const payload = compiledSchema(schema)
  return defineEnvelope('sqs', false, function parseSqs(event, site) {
    const records = arrayField(event, 'Records', site)
    const out: Array<z.output<$Schema>> = new Array(records.length)
    for (let i = 0; i < records.length; i++) {
      const body = stringField(records[i], 'body', ['Records', i], site)
      const path = ['Records', i, 'body']
      out[i] = parseAt(payload, jsonAt(body, path, site), path, site)
    }
    return out
  })
}

/**
 * SQS with plain-text bodies: each `body` string is handed to `schema` as is (no JSON parsing).
 *
 * @example
 * const lines = envelopes.sqsText(z.string().min(1)).parse(event) // string[]
 */
export function sqsText<$Schema extends z.ZodType>(schema: $Schema): Envelope<Array<z.output<$Schema>>> {
  const payload = compiledSchema(schema)
  return defineEnvelope('sqs', false, function parseSqsText(event, site) {
    const records = arrayField(event, 'Records', site)
    return records.map((record, i) =>
      parseAt(payload, stringField(record, 'body', ['Records', i], site), ['Records', i, 'body'], site),
    )
  })
}

/**
 * SNS delivered to SQS (without raw message delivery): each body is the SNS notification JSON; its `Message`
 * is parsed as JSON, then with `schema`. With raw message delivery on, use `envelopes.sqs`.
 *
 * @example
 * const alerts = envelopes.snsSqs(alertSchema).parse(event) // Alert[]
 */
export function snsSqs<$Schema extends z.ZodType>(schema: $Schema): Envelope<Array<z.output<$Schema>>> {
  const payload = compiledSchema(schema)
  return defineEnvelope('sqs', false, function parseSnsSqs(event, site) {
    const records = arrayField(event, 'Records', site)
    const out: Array<z.output<$Schema>> = new Array(records.length)
    for (let i = 0; i < records.length; i++) {
      const bodyPath = ['Records', i, 'body']
      const notification = jsonAt(stringField(records[i], 'body', ['Records', i], site), bodyPath, site)
      const message = notificationMessage(notification, bodyPath, site)
      const path = [...bodyPath, 'Message']
      out[i] = parseAt(payload, jsonAt(message, path, site), path, site)
    }
    return out
  })
}
