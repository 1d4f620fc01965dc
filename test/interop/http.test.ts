import httpCors from '@middy/http-cors'
import httpErrorHandler from '@middy/http-error-handler'
import httpHeaderNormalizer from '@middy/http-header-normalizer'
import { lambda, SluiceError } from '@sluice/core'
import { envelopes, parse } from '@sluice/events'
import { idempotency } from '@sluice/idempotency'
import { logger, memoryDestination } from '@sluice/logger'
import { events, invoke } from '@sluice/testing'
import { TimeoutError } from '@sluice/timeout'
import type { APIGatewayProxyEvent, APIGatewayProxyEventV2 } from 'aws-lambda'
import { describe, expect, test } from 'vitest'
import { z } from 'zod'

const order = z.object({ sku: z.string() })

describe('@middy/http-error-handler answers sluice errors', () => {
  const cases: ReadonlyArray<readonly [string, unknown, { statusCode: number; body: string }]> = [
    [
      'an exposed SluiceError',
      new SluiceError('Send a sku', { code: 'SKU', expose: true }),
      { statusCode: 400, body: 'Send a sku' },
    ],
    [
      'a SluiceError with a 4xx status',
      new SluiceError('No such order', { code: 'NOT_FOUND', status: 404 }),
      { statusCode: 404, body: 'No such order' },
    ],
    [
      'an unexposed SluiceError',
      new SluiceError('db at 10.0.0.7 down', { code: 'DB' }),
      { statusCode: 500, body: 'Internal error' },
    ],
    [
      'a TimeoutError (504, not exposed)',
      new TimeoutError({ marginMs: 500 }),
      { statusCode: 500, body: 'Internal error' },
    ],
    ['a plain Error', new TypeError('x is undefined'), { statusCode: 500, body: 'Internal error' }],
  ]
  for (const [name, thrown, expected] of cases) {
    test(name, async () => {
      const handler = lambda()
        .use(httpErrorHandler({ logger: false, fallbackMessage: 'Internal error' }))
        .handler(async () => {
          throw thrown
        })
      expect(await invoke(handler, {})).toMatchObject(expected)
    })
  }
})

describe('HTTP middlewares used before parse() see the HTTP event', () => {
  const handler = (lines = memoryDestination()) =>
    lambda<APIGatewayProxyEventV2>()
      .use(logger({ destination: lines }))
      .use(httpCors({ origins: ['https://a.example', 'https://b.example'] }))
      .use(httpErrorHandler({ logger: false }))
      .use(parse(envelopes.apigwHttp(order)))
      .handler(async (body, context) => {
        context.log.info({ sku: body.sku }, 'ordered')
        return { statusCode: 201, body: body.sku }
      })
  const request = (body: Record<string, string | number>) =>
    events['apigw-http']({ headers: { origin: 'https://b.example', 'x-correlation-id': 'c-42' }, body })

  test('CORS reflects the Origin on a success and on a parse failure; the logger keeps the correlation id', async () => {
    const lines = memoryDestination()
    const ok = handler(lines)
    expect(await invoke(ok, request({ sku: 'A1' }))).toMatchObject({
      statusCode: 201,
      body: 'A1',
      headers: { 'Access-Control-Allow-Origin': 'https://b.example', Vary: 'Origin' },
    })
    expect(await invoke(ok, request({ sku: 7 }))).toMatchObject({
      statusCode: 400,
      body: expect.stringContaining('at body.sku: expected string'),
      headers: { 'Access-Control-Allow-Origin': 'https://b.example', Vary: 'Origin' },
    })
    expect(lines.records().find((line) => line.msg === 'ordered')).toMatchObject({
      correlationId: 'c-42',
      sku: 'A1',
    })
  })
})

test('@middy/http-header-normalizer lets idempotency read a REST API header in any case', async () => {
  let runs = 0
  const handler = lambda<APIGatewayProxyEvent>()
    .use(httpHeaderNormalizer())
    .use(idempotency<APIGatewayProxyEvent>({ key: (event) => event.headers['idempotency-key'] }))
    .handler(async () => ({ statusCode: 200, body: String(++runs) }))
  const rest = (name: string) => events['apigw-rest']({ headers: { [name]: 'k-1' }, multiValueHeaders: {} })

  expect(await invoke(handler, rest('Idempotency-Key'))).toEqual({ statusCode: 200, body: '1' })
  expect(await invoke(handler, rest('IDEMPOTENCY-KEY'))).toEqual({ statusCode: 200, body: '1' })
  expect(runs).toBe(1)
})
