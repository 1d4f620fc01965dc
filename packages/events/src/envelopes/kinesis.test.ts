import { events } from '@sluice/testing'
import { describe, expect, test } from 'vitest'
import { z } from 'zod'
import { safeParseEvent } from '../parse-event.ts'
import { envelopes } from './index.ts'

const reading = z.object({ sensor: z.string(), value: z.number() })

describe('envelopes.kinesis', () => {
  test('decodes base64 data and parses the JSON', () => {
    const event = events['kinesis-stream']({ records: [{ kinesis: { data: { sensor: 'a', value: 1 } } }] })
    expect(envelopes.kinesis(reading).parse(event)).toEqual([{ sensor: 'a', value: 1 }])
  })

  test('bad base64 is EVENT_BASE64_INVALID at the record data', () => {
    const valid = { kinesis: { data: { sensor: 'a', value: 1 } } }
    const event = events['kinesis-stream']({ records: [valid, valid] })
    const broken = structuredClone(event)
    broken.Records[1]!.kinesis.data = 'not*base64'
    expect(safeParseEvent(envelopes.kinesis(reading), broken)).toMatchObject({
      success: false,
      error: {
        code: 'EVENT_BASE64_INVALID',
        source: 'kinesis-stream',
        path: ['Records', 1, 'kinesis', 'data'],
      },
    })
  })
})

describe('envelopes.firehose', () => {
  test('decodes each record, keeping their order', () => {
    const event = events['kinesis-firehose']({
      records: [{ data: { sensor: 'a', value: 1 } }, { data: { sensor: 'b', value: 2 } }],
    })
    expect(
      envelopes
        .firehose(reading)
        .parse(event)
        .map((r) => r.sensor),
    ).toEqual(['a', 'b'])
  })

  test('base64 of text that is not JSON is EVENT_BODY_NOT_JSON', () => {
    const event = events['kinesis-firehose']({ records: [{ data: 'plain text' }] })
    expect(safeParseEvent(envelopes.firehose(reading), event)).toMatchObject({
      success: false,
      error: { code: 'EVENT_BODY_NOT_JSON', path: ['records', 0, 'data'] },
    })
  })
})

describe('envelopes.kafka', () => {
  test('decodes every value across topic-partition groups', () => {
    const event = events.kafka({
      records: [{ value: { sensor: 'a', value: 1 } }, { value: { sensor: 'b', value: 2 }, partition: 1 }],
    })
    expect(Object.keys(event.records)).toHaveLength(2)
    expect(envelopes.kafka(reading).parse(event)).toEqual([
      { sensor: 'a', value: 1 },
      { sensor: 'b', value: 2 },
    ])
  })

  test('a bad value names its group and index', () => {
    const event = events.kafka({ topic: 'clicks', records: [{ value: { sensor: 'a' } }] })
    expect(safeParseEvent(envelopes.kafka(reading), event)).toMatchObject({
      success: false,
      error: { path: ['records', 'clicks-0', 0, 'value', 'value'], expected: 'number', received: 'nothing' },
    })
  })

  test('a tombstone (value null or absent) reaches the schema as null: nullable keeps it, a plain one fails typed', () => {
    const event = events.kafka({
      topic: 'clicks',
      records: [{ value: { sensor: 'a', value: 1 } }, { key: 'k' }],
    })
    const group = event.records['clicks-0'] as Array<{ value?: string | null }>
    for (const tombstone of [null, undefined]) {
      ;(group[1] as { value?: string | null }).value = tombstone
      expect(envelopes.kafka(reading.nullable()).parse(event)).toEqual([{ sensor: 'a', value: 1 }, null])
      expect(safeParseEvent(envelopes.kafka(reading), event)).toMatchObject({
        success: false,
        error: { code: 'EVENT_PARSE_FAILED', path: ['records', 'clicks-0', 1, 'value'] },
      })
    }
  })
})
