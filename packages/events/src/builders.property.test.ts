import { type BodyOption, buildEvent, events, type OverridesBySourceId } from '@sluice/testing'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { detectSource } from './detect-source.ts'
import { safeParseEvent } from './parse-event.ts'
import { type SourceId, schemas, sourceIds } from './sources.ts'

// JSON values as a parser returns them (-0 becomes 0)
const json = fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.parse(JSON.stringify(value)) as BodyOption)

const sourceOptions = fc.record({
  region: fc.constantFrom('us-east-1', 'eu-west-1', 'ap-southeast-2', 'sa-east-1'),
  accountId: fc.stringMatching(/^\d{12}$/),
  clock: fc.integer({ min: 0, max: 4_102_444_800_000 }).map((now) => ({ now: () => now })),
})

const recordCount = fc.integer({ min: 1, max: 12 })

/** What varies per source beyond region, account and time: record counts and payloads. */
const extras: { [K in SourceId]?: fc.Arbitrary<OverridesBySourceId[K]> } = {
  sqs: fc.record({
    records: fc.array(fc.record({ body: json }), { minLength: 1, maxLength: 12 }),
    fifo: fc.boolean(),
  }),
  sns: fc.record({
    records: fc.array(fc.record({ Sns: fc.record({ Message: json }) }), { minLength: 1, maxLength: 3 }),
  }),
  s3: fc.record({ records: recordCount }),
  'kinesis-stream': fc.record({
    records: fc.array(fc.record({ kinesis: fc.record({ data: json }) }), { minLength: 1, maxLength: 12 }),
  }),
  'kinesis-firehose': fc.record({ records: fc.array(fc.record({ data: json }), { maxLength: 12 }) }),
  'dynamodb-stream': fc.record({
    records: fc.array(
      fc.record({
        eventName: fc.constantFrom('INSERT' as const, 'MODIFY' as const, 'REMOVE' as const),
        newImage: fc.dictionary(fc.string({ minLength: 1 }), json),
      }),
      { minLength: 1, maxLength: 8 },
    ),
  }),
  'cloudwatch-logs': fc.record({ logEvents: fc.array(fc.record({ message: json }), { maxLength: 8 }) }),
  kafka: fc.oneof(
    fc.record({ records: fc.array(fc.record({ value: json }), { maxLength: 8 }) }),
    fc.record({
      eventSource: fc.constant('SelfManagedKafka' as const),
      records: fc.array(fc.record({ value: json }), { maxLength: 8 }),
    }),
  ),
  lex: fc.oneof(
    fc.constant({}),
    fc.record({ currentIntent: fc.record({ name: fc.string({ minLength: 1 }) }) }),
  ),
  'apigw-http': fc.record({ body: json }),
  'apigw-rest': fc.record({ body: json, httpMethod: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE') }),
  alb: fc.record({ body: json }),
  'function-url': fc.record({ body: json }),
  'apigw-websocket': fc.record({ body: json }),
}

describe('event builders', () => {
  test('@sluice/testing has a builder for exactly the source ids', () => {
    expect(Object.keys(events).sort()).toEqual([...sourceIds].sort())
  })

  test.each(sourceIds)(
    'every %s builder output parses with its schema and is detected as its source',
    (id) => {
      const extra = (extras[id] ?? fc.constant({})) as fc.Arbitrary<object>
      fc.assert(
        fc.property(sourceOptions, extra, (options, more) => {
          const build = events[id] as (overrides: object) => unknown
          const event = build({ ...options, ...more })
          expect(detectSource(event)).toBe(id)
          const result = safeParseEvent(schemas[id], event)
          expect(result.success ? undefined : result.error.message).toBeUndefined()
        }),
        { numRuns: 40 },
      )
    },
  )

  test.each(sourceIds)('buildEvent(%s) parses and is detected too', (id) => {
    const event = buildEvent(id)
    expect(detectSource(event)).toBe(id)
    expect(safeParseEvent(schemas[id], event).success).toBe(true)
  })
})
