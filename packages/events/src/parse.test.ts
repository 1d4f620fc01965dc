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
    expect(parse(schemas.sqs).after?.name).toBe('parseAfter')
    expect(parse(schemas.sqs).onError?.name).toBe('parseOnError')
  })

  describe('middlewares used before parse() see the event Lambda sent, on the way in and out', () => {
    const seen = () => {
      const log: Array<[string, unknown]> = []
      const middleware = {
        before: (request: { event: unknown }) => void log.push(['before', request.event]),
        after: (request: { event: unknown }) => void log.push(['after', request.event]),
        onError: (request: { event: unknown }) => void log.push(['onError', request.event]),
      }
      return { log, middleware }
    }
    const http = (body: { orderId: string | number; total?: number }) =>
      events['apigw-http']({ headers: { origin: 'https://a.example' }, body })

    for (const safe of [false, true]) {
      test(`after a result (safe: ${safe})`, async () => {
        const { log, middleware } = seen()
        const handler = middy()
          .use(middleware)
          .use(safe ? parse(envelopes.apigwHttp(order), { safe: true }) : parse(envelopes.apigwHttp(order)))
          .handler(async () => ({ statusCode: 204 }))
        const event = http({ orderId: 'a', total: 1 })
        expect(await invoke(handler, event)).toEqual({ statusCode: 204 })
        expect(log).toEqual([
          ['before', event],
          ['after', event],
        ])
      })
    }

    test('after the handler threw, and after parse() itself threw', async () => {
      const { log, middleware } = seen()
      const handler = lambda<APIGatewayProxyEventV2>()
        .use(middleware)
        .use(parse(envelopes.apigwHttp(order)))
        .catch((error) => error.code)
        .handler(async (body) => {
          throw new ParseError({ code: 'EVENT_PARSE_FAILED', path: ['x'], expected: `not ${body.orderId}` })
        })
      const good = http({ orderId: 'a', total: 1 })
      const bad = http({ orderId: 7 })
      expect(await invoke(handler, good)).toBe('EVENT_PARSE_FAILED')
      expect(await invoke(handler, bad)).toBe('EVENT_PARSE_FAILED')
      expect(log).toEqual([
        ['before', good],
        ['onError', good],
        ['before', bad],
        ['onError', bad],
      ])
    })

    test('two parsers unwind in order: each middleware sees in after what it saw in before', async () => {
      const outer = seen()
      const inner = seen()
      const handler = middy()
        .use(outer.middleware)
        .use(parse(envelopes.sqs(z.object({ orders: z.array(order) }))))
        .use(inner.middleware)
        .use(
          parse(z.array(z.object({ orders: z.array(order).min(1) })).transform((batches) => batches.length)),
        )
        .handler(async (count) => count)
      const event = events.sqs({ records: [{ body: { orders: [{ orderId: 'a', total: 1 }] } }] })
      expect(await invoke(handler, event)).toBe(1)
      expect(outer.log).toEqual([
        ['before', event],
        ['after', event],
      ])
      expect(inner.log).toEqual([
        ['before', [{ orders: [{ orderId: 'a', total: 1 }] }]],
        ['after', [{ orders: [{ orderId: 'a', total: 1 }] }]],
      ])
    })
  })
})
