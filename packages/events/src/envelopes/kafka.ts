import type { z } from 'zod'
import { defineEnvelope, type Envelope } from '../envelope.ts'
import { base64TextAt, compiledSchema, jsonAt, parseAt } from '../payload.ts'
import { arrayField, objectAt, stringField } from '../shape.ts'

/**
 * Kafka (MSK or self-managed): every record's `value`, base64-decoded, parsed as JSON, then with `schema`;
 * flattened over the `<topic>-<partition>` groups in the order Lambda lists them. A tombstone (a record whose
 * `value` is null or absent: a deletion on a compacted topic) reaches `schema` as `null`, so the schema decides
 * (`orderSchema.nullable()` keeps them; a plain object schema fails with a typed `ParseError`).
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
        const record = objectAt(records[i], ['records', group, i], site)
        if (record.value === null || record.value === undefined) {
          out.push(parseAt(payload, null, path, site))
          continue
        }
        const value = stringField(record, 'value', ['records', group, i], site)
        out.push(parseAt(payload, jsonAt(base64TextAt(value, path, site), path, site), path, site))
      }
    }
    return out
  })
}
