import middy from '@middy/core'
import { lambda } from '@sluice/core'
import { events, invoke } from '@sluice/testing'
import type { APIGatewayProxyEventV2, SQSEvent } from 'aws-lambda'
import { describe, expect, test } from 'vitest'
import { z } from 'zod'
import { envelopes } from './envelopes/index.ts'
import { ParseError } from './errors.ts'
import { parse } from './parse.ts'
import { schemas } from './sources.ts'

const order = z.object({ orderId: z.string(), total: z.number() })

describe('parse middleware', () => {
  test('hands the handler the envelope output instead of the event', async () => {
    const handler = lambda<SQSEvent>()
      .use(parse(envelopes.sqs(order)))
      .handler(async (orders) => orders.map((o) => `${o.orderId}:${o.total}`))
    const event = events.sqs({
      records: [{ body: { orderId: 'a', total: 1 } }, { body: { orderId: 'b', total: 2 } }],
    })
    expect(await invoke(handler, event)).toEqual(['a:1', 'b:2'])
  })

  test('validates a whole event with a source schema and passes the same object on', async () => {
    const event = events.sqs()
    let seen: unknown
    const handler = lambda()
      .use(parse(schemas.sqs))
      .handler(async (parsed) => {
        seen = parsed
        return parsed.Records.length
      })
    expect(await invoke(handler, event)).toBe(1)
    expect(seen).toBe(event)
  })

  test('a failure reaches the catch point as a ParseError, before the handler runs', async () => {
    let ran = false
    const handler = lambda<SQSEvent>()
      .use(parse(envelopes.sqs(order)))
      .catch((error) => ({ code: error.code, path: error.path, isParseError: error instanceof ParseError }))
      .handler(async () => {
        ran = true
      })
    const result = await invoke(handler, events.sqs({ records: [{ body: { orderId: 'a' } }] }))
    expect(result).toEqual({
      code: 'EVENT_PARSE_FAILED',
      path: ['Records', 0, 'body', 'total'],
      isParseError: true,
    })
    expect(ran).toBe(false)
  })

  test('an HTTP body error maps to a 400 with a message safe to return', async () => {
    const handler = lambda<APIGatewayProxyEventV2>()
      .use(parse(envelopes.apigwHttp(order)))
      .catch((error) => ({ statusCode: error.status, body: error.expose ? error.message : 'Internal error' }))
      .handler(async (body) => ({ statusCode: 200, body: body.orderId }))
    const response = await invoke(handler, events['apigw-http']({ body: { orderId: 7 } }))
    expect(response).toEqual({
      statusCode: 400,
      body: expect.stringContaining('at body.orderId: expected string, received number'),
    })
  })

  test('safe mode gives the handler a result to branch on', async () => {
    const handler = lambda<SQSEvent>()
      .use(parse(envelopes.sqs(order), { safe: true }))
      .handler(async (result) =>
        result.success ? result.data.length : `bad at ${result.error.path.join('.')}`,
      )
    expect(await invoke(handler, events.sqs({ records: [{ body: { orderId: 'a', total: 1 } }] }))).toBe(1)
    expect(await invoke(handler, events.sqs({ records: [{ body: 'nope' }] }))).toBe('bad at Records.0.body')
  })

  test('works in a plain middy stack', async () => {
    const handler = middy<unknown, number>()
      .use(parse(envelopes.sqs(order)))
      .handler(async (orders) => (orders as Array<{ total: number }>).reduce((sum, o) => sum + o.total, 0))
    const event = events.sqs({
      records: [{ body: { orderId: 'a', total: 2 } }, { body: { orderId: 'b', total: 5 } }],
    })
    expect(await invoke(handler, event)).toBe(7)
  })

  test('the hooks are named for stack traces', () => {
    expect(parse(schemas.sqs).before?.name).toBe('parseBefore')
    expect(parse(schemas.sqs, { safe: true }).before?.name).toBe('parseSafeBefore')
  })
})
