import { events } from '@sluice/testing'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { z } from 'zod'
import { detectSource } from './detect-source.ts'
import type { Envelope } from './envelope.ts'
import { envelopes } from './envelopes/index.ts'
import { ParseError } from './errors.ts'
import { parseEvent } from './parse-event.ts'
import { isSourceId, schemas, sourceIds } from './sources.ts'

/** Keys the detectors and envelopes look at, so random objects hit their branches. */
const keys = fc.constantFrom(
  'Records',
  'eventSource',
  'EventSource',
  'requestContext',
  'detail-type',
  'detail',
  'source',
  'awslogs',
  'data',
  'body',
  'isBase64Encoded',
  'records',
  'type',
  'methodArn',
  'triggerSource',
  'userPoolId',
  'kinesis',
  'Sns',
  'Message',
  'dynamodb',
  'NewImage',
  'elb',
  'http',
  'domainName',
  'connectionId',
  'eventType',
  'value',
  '__proto__',
)
const values = fc.oneof(
  fc.string(),
  fc.constantFrom('aws:sqs', 'aws:sns', 'aws:s3', 'REQUEST', 'TOKEN', '2.0'),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
)
const shaped = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: 'small' },
    values,
    fc.array(tie('node'), { maxLength: 3 }),
    fc.dictionary(keys, tie('node'), { maxKeys: 5 }),
  ),
})).node

const anyInput = fc.oneof(fc.anything(), fc.jsonValue(), shaped)

/** A builder event with one value somewhere inside replaced by arbitrary JSON. */
const mutated = fc
  .tuple(fc.constantFrom(...sourceIds), fc.nat(), fc.jsonValue())
  .map(([id, pick, replacement]) => {
    const event = structuredClone((events[id] as () => unknown)()) as Record<string, unknown>
    const paths: Array<[Record<string, unknown>, string]> = []
    const walk = (node: unknown) => {
      if (typeof node !== 'object' || node === null) return
      for (const key of Object.keys(node)) {
        paths.push([node as Record<string, unknown>, key])
        walk((node as Record<string, unknown>)[key])
      }
    }
    walk(event)
    const [parent, key] = paths[pick % paths.length] ?? [event, 'x']
    parent[key] = replacement
    return event
  })

const anySchema = z.unknown()
const allEnvelopes: Array<Envelope<unknown>> = [
  envelopes.sqs(anySchema),
  envelopes.sqsText(anySchema),
  envelopes.sns(anySchema),
  envelopes.snsSqs(anySchema),
  envelopes.eventbridge(anySchema),
  envelopes.kinesis(anySchema),
  envelopes.firehose(anySchema),
  envelopes.dynamodbStream(anySchema),
  envelopes.apigwRest(anySchema),
  envelopes.apigwHttp(anySchema),
  envelopes.apigwWebsocket(anySchema),
  envelopes.alb(anySchema),
  envelopes.functionUrl(anySchema),
  envelopes.cloudwatchLogs(anySchema, { maxBytes: 64 * 1024 }),
  envelopes.kafka(anySchema),
]

/** Runs `fn`; anything thrown must be a ParseError. */
function onlyParseErrors(fn: () => unknown): void {
  try {
    fn()
  } catch (error) {
    expect(error).toBeInstanceOf(ParseError)
    expect((error as ParseError).message).not.toMatch(/"code":|ZodError/)
  }
}

describe('fuzz', () => {
  test('detectSource never throws and answers a source id or undefined', () => {
    fc.assert(
      fc.property(fc.oneof(anyInput, mutated), (input) => {
        const id = detectSource(input)
        expect(id === undefined || isSourceId(id)).toBe(true)
      }),
      { numRuns: 2000 },
    )
  })

  test('every envelope throws only ParseError on arbitrary input and mutated events', () => {
    fc.assert(
      fc.property(fc.oneof(anyInput, mutated), (input) => {
        for (const envelope of allEnvelopes) onlyParseErrors(() => envelope.parse(input))
      }),
      { numRuns: 1000 },
    )
  })

  test('payload strings of any content give ParseError, never another error', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.base64String(), fc.string({ unit: 'binary' })), (text) => {
        onlyParseErrors(() =>
          envelopes.sqs(z.object({ a: z.number() })).parse(events.sqs({ records: [{ body: text }] })),
        )
        onlyParseErrors(() =>
          envelopes.apigwHttp(z.object({ a: z.number() })).parse({ body: text, isBase64Encoded: true }),
        )
        onlyParseErrors(() => envelopes.kinesis(anySchema).parse({ Records: [{ kinesis: { data: text } }] }))
        onlyParseErrors(() => envelopes.cloudwatchLogs(anySchema).parse({ awslogs: { data: text } }))
      }),
      { numRuns: 1000 },
    )
  })

  test('every source schema throws only ParseError through parseEvent', () => {
    fc.assert(
      fc.property(fc.oneof(anyInput, mutated), (input) => {
        for (const id of sourceIds) onlyParseErrors(() => parseEvent(schemas[id], input))
      }),
      { numRuns: 500 },
    )
  })
})
