import { events } from '@sluice/testing'
import { describe, expect, test } from 'vitest'
import { z } from 'zod'
import { MAX_EVENT_BYTES } from '../decode.ts'
import { safeParseEvent } from '../parse-event.ts'
import { envelopes } from './index.ts'

const order = z.object({ sku: z.string(), quantity: z.number().int().positive() })

describe('HTTP body envelopes', () => {
  test.each([
    ['apigwHttp', events['apigw-http']],
    ['apigwRest', events['apigw-rest']],
    ['alb', events.alb],
    ['functionUrl', events['function-url']],
    ['apigwWebsocket', events['apigw-websocket']],
  ] as const)('%s parses the JSON body', (name, build) => {
    expect(envelopes[name](order).parse(build({ body: { sku: 'A1', quantity: 2 } }))).toEqual({
      sku: 'A1',
      quantity: 2,
    })
  })

  test('a base64 body near the 6 MB limit parses; one longer than any Lambda event is EVENT_TOO_LARGE', () => {
    const upload = (body: string) => events['function-url']({ body, isBase64Encoded: true })
    const text = 'a'.repeat(4_400_000) // a 4.4 MB upload: 5.87 M characters of base64, inside a 6 MB event
    const encoded = Buffer.from(JSON.stringify(text)).toString('base64')
    expect(encoded.length).toBeLessThan(MAX_EVENT_BYTES)
    expect(envelopes.functionUrl(z.string()).parse(upload(encoded))).toHaveLength(4_400_000)
    const tooLarge = safeParseEvent(
      envelopes.functionUrl(z.string()),
      upload('A'.repeat(MAX_EVENT_BYTES + 4)),
    )
    expect(tooLarge).toMatchObject({ success: false, error: { code: 'EVENT_TOO_LARGE', path: ['body'] } })
  })

  test('honours isBase64Encoded', () => {
    const event = events['function-url']({
      body: Buffer.from('{"sku":"B2","quantity":1}').toString('base64'),
      isBase64Encoded: true,
    })
    expect(envelopes.functionUrl(order).parse(event)).toEqual({ sku: 'B2', quantity: 1 })
  })

  test('a request without a body gives the schema undefined', () => {
    expect(envelopes.apigwHttp(order.optional()).parse(events['apigw-http']())).toBeUndefined()
    expect(envelopes.alb(order.optional()).parse(events.alb())).toBeUndefined()
    expect(safeParseEvent(envelopes.apigwRest(order), events['apigw-rest']())).toMatchObject({
      success: false,
      error: { path: ['body'], expected: 'object', received: 'nothing' },
    })
  })

  test('errors are exposed with status 400: the caller sent the body', () => {
    const result = safeParseEvent(
      envelopes.apigwHttp(order),
      events['apigw-http']({ body: { sku: 'A1', quantity: 0 } }),
    )
    expect(result).toMatchObject({
      success: false,
      error: {
        code: 'EVENT_PARSE_FAILED',
        expose: true,
        status: 400,
        path: ['body', 'quantity'],
        expected: 'more than 0',
      },
    })
    expect(
      safeParseEvent(envelopes.apigwHttp(order), events['apigw-http']({ body: 'sku=A1' })),
    ).toMatchObject({
      success: false,
      error: { code: 'EVENT_BODY_NOT_JSON', status: 400 },
    })
  })
})

describe('envelopes.eventbridge', () => {
  test('parses detail with the schema', () => {
    const placed = z.object({ orderId: z.string() })
    expect(envelopes.eventbridge(placed).parse(events.eventbridge({ detail: { orderId: 'o-9' } }))).toEqual({
      orderId: 'o-9',
    })
    expect(
      safeParseEvent(envelopes.eventbridge(placed), events.eventbridge({ detail: { orderId: 9 } })),
    ).toMatchObject({
      success: false,
      error: { source: 'eventbridge', path: ['detail', 'orderId'] },
    })
  })
})
