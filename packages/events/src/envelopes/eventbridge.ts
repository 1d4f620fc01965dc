import type { z } from 'zod'
import { defineEnvelope, type Envelope } from '../envelope.ts'
import { compiledSchema, parseAt } from '../payload.ts'
import { objectAt } from '../shape.ts'

/**
 * EventBridge: the event's `detail`, parsed with `schema` (it is already JSON, no decoding).
 *
 * @example
 * const order = envelopes.eventbridge(orderPlacedSchema).parse(event) // OrderPlaced
 */
export function eventbridge<$Schema extends z.ZodType>(schema: $Schema): Envelope<z.output<$Schema>> {
  const payload = compiledSchema(schema)
  return defineEnvelope('eventbridge', false, function parseEventBridge(event, site) {
    const object = objectAt(event, [], site)
    return parseAt(payload, object.detail, ['detail'], site)
  })
}
