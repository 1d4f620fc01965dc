import { deepStrictEqual } from 'node:assert'
import { parse as powertoolsParse } from '@aws-lambda-powertools/parser'
import { ApiGatewayV2Envelope } from '@aws-lambda-powertools/parser/envelopes/api-gatewayv2'
import { SqsEnvelope } from '@aws-lambda-powertools/parser/envelopes/sqs'
import { JSONStringified } from '@aws-lambda-powertools/parser/helpers'
import { APIGatewayProxyEventV2Schema, SqsSchema } from '@aws-lambda-powertools/parser/schemas'
import { detectSource, envelopes, parseEvent, schemas } from '@sluice/events'
import { events } from '@sluice/testing'
import { z } from 'zod'
import type { BenchGroup, Target } from '../types.ts'

// One order schema, the same zod (4.6.7) for both subjects.
const order = z.object({
  orderId: z.string(),
  customer: z.object({ id: z.string(), email: z.string() }),
  lines: z.array(z.object({ sku: z.string(), quantity: z.number().int().positive(), price: z.number() })),
  total: z.number(),
})
const body = (i: number) => ({
  orderId: `o-${i}`,
  customer: { id: `c-${i % 3}`, email: `c${i}@example.com` },
  lines: [
    { sku: 'A1', quantity: 2, price: 9.5 },
    { sku: 'B2', quantity: 1, price: 20 },
  ],
  total: 39,
})

const sqs = events.sqs({ records: Array.from({ length: 10 }, (_, i) => ({ body: body(i) })) })
const http = events['apigw-http']({
  rawPath: '/orders',
  requestContext: { http: { method: 'POST' } },
  body: body(0),
})

const sluiceSqs = envelopes.sqs(order)
const powertoolsSqs = JSONStringified(order)
const sluiceHttp = envelopes.apigwHttp(order)

// Both subjects must produce the same thing, or the comparison means nothing.
deepStrictEqual(parseEvent(sluiceSqs, sqs), powertoolsParse(sqs, SqsEnvelope, powertoolsSqs))
deepStrictEqual(parseEvent(sluiceHttp, http), powertoolsParse(http, ApiGatewayV2Envelope, powertoolsSqs))
powertoolsParse(sqs, undefined, SqsSchema)
powertoolsParse(http, undefined, APIGatewayProxyEventV2Schema)

const mixed = [
  sqs,
  http,
  events.sns(),
  events.s3(),
  events.eventbridge(),
  events.scheduled(),
  events['dynamodb-stream'](),
  events['kinesis-stream'](),
  events.alb(),
  events['function-url'](),
  events.cognito(),
  events['cloudwatch-logs'](),
]
let next = 0
const nextEvent = () => {
  next = next === mixed.length - 1 ? 0 : next + 1
  return mixed[next]
}
/** The least a hand-written router does: read one property per event. */
const bare = (event: unknown) =>
  (event as { Records?: Array<{ eventSource?: string }> }).Records?.[0]?.eventSource

/** Parse + envelope throughput on the same events against @aws-lambda-powertools/parser, and detectSource's cost. */
const powertoolsTarget: Target[] = [{ kind: 'ratio', against: 'powertools', atLeast: 1.2 }]
export const groups: BenchGroup[] = [
  {
    name: 'events: parse 10-record SQS + JSON body envelope',
    targets: powertoolsTarget,
    note: 'sluice checks the path to each body, Powertools validates every SQS field first (same zod schema for bodies)',
    subjects: [
      { subject: 'powertools', fn: () => powertoolsParse(sqs, SqsEnvelope, powertoolsSqs) },
      { subject: 'sluice', fn: () => parseEvent(sluiceSqs, sqs) },
    ],
  },
  {
    name: 'events: validate a 10-record SQS event, full schema',
    targets: powertoolsTarget,
    note: 'every field of the event against the source schema; sluice validates in place and returns the event',
    subjects: [
      { subject: 'powertools', fn: () => powertoolsParse(sqs, undefined, SqsSchema) },
      { subject: 'sluice', fn: () => parseEvent(schemas.sqs, sqs) },
    ],
  },
  {
    name: 'events: API Gateway v2 body envelope',
    targets: powertoolsTarget,
    subjects: [
      { subject: 'powertools', fn: () => powertoolsParse(http, ApiGatewayV2Envelope, powertoolsSqs) },
      { subject: 'sluice', fn: () => parseEvent(sluiceHttp, http) },
    ],
  },
  {
    name: 'events: detectSource',
    note: `cycling through ${mixed.length} event kinds; bare reads Records[0].eventSource and nothing else`,
    subjects: [
      { subject: 'bare', fn: () => bare(nextEvent()) },
      { subject: 'sluice', fn: () => detectSource(nextEvent()) },
    ],
  },
]
