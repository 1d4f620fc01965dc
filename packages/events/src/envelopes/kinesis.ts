import type { z } from 'zod'
import { defineEnvelope, type Envelope } from '../envelope.ts'
import { base64TextAt, compiledSchema, jsonAt, parseAt } from '../payload.ts'
import { arrayField, objectAt, stringField } from '../shape.ts'

/**
 * Kinesis Data Streams: each record's `kinesis.data`, base64-decoded, parsed as JSON, then with `schema`.
 *
 * @example
 * const readings = envelopes.kinesis(readingSchema).parse(event) // Reading[]
 */
export function kinesis<$Schema extends z.ZodType>(schema: $Schema): Envelope<Array<z.output<$Schema>>> {
  const payload = compiledSchema(schema)
  return defineEnvelope('kinesis-stream', false, function parseKinesis(event, site) {
    const records = arrayField(event, 'Records', site)
    const out: Array<z.output<$Schema>> = new Array(records.length)
    for (let i = 0; i < records.length; i++) {
      const kinesisPath = ['Records', i, 'kinesis']
      const data = stringField(objectAt(records[i], ['Records', i], site).kinesis, 'data', kinesisPath, site)
      const path = [...kinesisPath, 'data']
      out[i] = parseAt(payload, jsonAt(base64TextAt(data, path, site), path, site), path, site)
    }
    return out
  })
}

/**
 * Amazon Data Firehose transformation: each record's `data`, base64-decoded, parsed as JSON, then with `schema`.
 * Results keep the records' order, so `recordId`s pair up by index.
 *
 * @example
 * const items = envelopes.firehose(itemSchema).parse(event)
 * return { records: event.records.map((r, i) => ({ recordId: r.recordId, result: 'Ok', data: encode(items[i]) })) }
 */
export function firehose<$Schema extends z.ZodType>(schema: $Schema): Envelope<Array<z.output<$Schema>>> {
  const payload = compiledSchema(schema)
  return defineEnvelope('kinesis-firehose', false, function parseFirehose(event, site) {
    const records = arrayField(event, 'records', site)
    const out: Array<z.output<$Schema>> = new Array(records.length)
    for (let i = 0; i < records.length; i++) {
      const data = stringField(records[i], 'data', ['records', i], site)
      const path = ['records', i, 'data']
      out[i] = parseAt(payload, jsonAt(base64TextAt(data, path, site), path, site), path, site)
    }
    return out
  })
}
