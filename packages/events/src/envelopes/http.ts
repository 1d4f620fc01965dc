import type { z } from 'zod'
import { defineEnvelope, type Envelope } from '../envelope.ts'
import { base64TextAt, compiledSchema, jsonAt, type PayloadSite, parseAt } from '../payload.ts'
import { objectAt, shapeError } from '../shape.ts'
import type { SourceId } from '../sources.ts'

/**
 * The request body of an HTTP-style event, decoded: base64 when `isBase64Encoded` is true, then JSON. No body
 * (absent, `null` or `''`) gives `undefined`, so `schema.optional()` accepts bodiless requests.
 */
function body(event: unknown, site: PayloadSite): unknown {
  const object = objectAt(event, [], site)
  const raw = object.body
  if (raw === undefined || raw === null || raw === '') return undefined
  if (typeof raw !== 'string') throw shapeError(site, ['body'], 'string', raw)
  const text = object.isBase64Encoded === true ? base64TextAt(raw, ['body'], site) : raw
  return jsonAt(text, ['body'], site)
}

function httpEnvelope<$Schema extends z.ZodType>(
  source: SourceId,
  schema: $Schema,
): Envelope<z.output<$Schema>> {
  const payload = compiledSchema(schema)
  // request bodies come from the caller: their errors are safe to return as a 400
  return defineEnvelope(source, true, function parseHttpBody(event, site) {
    return parseAt(payload, body(event, site), ['body'], site)
  })
}

/**
 * API Gateway REST API (payload 1.0): the JSON body, parsed with `schema`. Errors are exposed (status 400).
 *
 * @example
 * const order = envelopes.apigwRest(orderSchema).parse(event) // Order
 */
export const apigwRest = <$Schema extends z.ZodType>(schema: $Schema): Envelope<z.output<$Schema>> =>
  httpEnvelope('apigw-rest', schema)

/**
 * API Gateway HTTP API (payload 2.0): the JSON body, parsed with `schema`. Errors are exposed (status 400).
 *
 * @example
 * const order = envelopes.apigwHttp(orderSchema).parse(event) // Order
 */
export const apigwHttp = <$Schema extends z.ZodType>(schema: $Schema): Envelope<z.output<$Schema>> =>
  httpEnvelope('apigw-http', schema)

/**
 * API Gateway WebSocket: the message body (JSON), parsed with `schema`. Errors are exposed.
 *
 * @example
 * const message = envelopes.apigwWebsocket(chatSchema).parse(event) // Chat
 */
export const apigwWebsocket = <$Schema extends z.ZodType>(schema: $Schema): Envelope<z.output<$Schema>> =>
  httpEnvelope('apigw-websocket', schema)

/**
 * Application Load Balancer: the JSON body, parsed with `schema`. Errors are exposed (status 400).
 *
 * @example
 * const order = envelopes.alb(orderSchema).parse(event) // Order
 */
export const alb = <$Schema extends z.ZodType>(schema: $Schema): Envelope<z.output<$Schema>> =>
  httpEnvelope('alb', schema)

/**
 * Lambda function URL: the JSON body, parsed with `schema`. Errors are exposed (status 400).
 *
 * @example
 * const order = envelopes.functionUrl(orderSchema).parse(event) // Order
 */
export const functionUrl = <$Schema extends z.ZodType>(schema: $Schema): Envelope<z.output<$Schema>> =>
  httpEnvelope('function-url', schema)
