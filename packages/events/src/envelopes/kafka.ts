import type { z } from 'zod'
import { defineEnvelope, type Envelope } from '../envelope.ts'
import { base64TextAt, compiledSchema, jsonAt, parseAt } from '../payload.ts'
import { arrayField, objectAt, stringField } from '../shape.ts'

/**
 * Kafka (MSK or self-managed): every record's `value`, base64-decoded, parsed as JSON, then with `schema`;
 * flattened over the `<topic>-<partition>` groups in the order Lambda lists them.
 *
 * @example
 * const clicks = envelopes.kafka(clickSchema).parse(event) // Click[]
 */
export function kafka<$Schema extends z.ZodType>(schema: $Schema): Envelope<Array<z.output<$Schema>>> {
  const payload = compiledSchema(schema)
  return defineEnvelope('kafka', false, function parseKafka(event, site) {
    const groups = objectAt(objectAt(event, [], site).records, ['records'], site)
    const out: Array<z.output<$Schema>> = []
    for (const group of Object.keys(groups)) {
      const records = arrayField(groups, group, site, ['records'])
      for (let i = 0; i < records.length; i++) {
        const path = ['records', group, i, 'value']
        const value = stringField(records[i], 'value', ['records', group, i], site)
        out.push(parseAt(payload, jsonAt(base64TextAt(value, path, site), path, site), path, site))
      }
    }
    return out
  })
}
