import { captureStdio, createContainer, events } from '@sluice/testing'
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda'
import { describe, expect, test } from 'vitest'

// The README's example (readme-example.ts) in a fresh container per test: its module-scope Metrics, store and
// logger start empty, as in a new Lambda environment.
const container = () =>
  createContainer<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2>({
    module: new URL('./readme-example.ts', import.meta.url),
    env: { LOG_LEVEL: 'silent' },
  })
const request = (body: Record<string, string | number>, headers: Record<string, string> = {}) =>
  events['apigw-http']({
    requestContext: { http: { method: 'POST', path: '/orders' } },
    headers: { origin: 'https://shop.example', ...headers },
    body,
  })
const decorated = {
  'Access-Control-Allow-Origin': 'https://shop.example',
  Vary: 'Origin',
  'Strict-Transport-Security': expect.stringContaining('max-age='),
  'X-Content-Type-Options': 'nosniff',
}

describe('the README example: sluice with middy HTTP middlewares and Powertools Metrics', () => {
  test('a good order: 201, JSON body, CORS and security headers, and one EMF line with its metric', async () => {
    await using lambda = container()
    using stdio = captureStdio()
    const response = await lambda.invoke(request({ sku: 'A1', quantity: 2 }))

    expect(response).toMatchObject({
      statusCode: 201,
      body: '{"sku":"A1","quantity":2}',
      headers: { ...decorated, 'Content-Type': 'application/json' },
    })
    const [document, ...more] = stdio.emf()
    expect(more).toEqual([])
    expect(document).toMatchObject({
      _aws: { CloudWatchMetrics: [{ Namespace: 'Shop', Dimensions: [['service', 'sku']] }] },
      service: 'orders',
      sku: 'A1',
      ItemsOrdered: 2,
    })
  })

  test('a body that does not parse: 400 with the ParseError message, decorated like a success', async () => {
    await using lambda = container()
    using stdio = captureStdio()
    const response = await lambda.invoke(request({ sku: 'A1', quantity: 0 }))

    expect(response).toMatchObject({
      statusCode: 400,
      headers: { ...decorated, 'Content-Type': 'text/plain' },
    })
    expect(response.body).toMatch(/at body\.quantity: expected at least 1/)
    expect(stdio.emf()).toEqual([])
  })

  test('a SluiceError with a 4xx status is answered with that status and its message', async () => {
    await using lambda = container()
    using _stdio = captureStdio()
    const response = await lambda.invoke(request({ sku: 'retired', quantity: 1 }))

    expect(response).toMatchObject({
      statusCode: 410,
      body: 'This product is no longer sold',
      headers: decorated,
    })
  })

  test('a duplicate gets the stored, decorated response; metrics are counted once and never leak', async () => {
    await using lambda = container()
    using stdio = captureStdio()
    const first = await lambda.invoke(request({ sku: 'A1', quantity: 2 }, { 'idempotency-key': 'k-1' }))
    const duplicate = await lambda.invoke(request({ sku: 'A1', quantity: 2 }, { 'idempotency-key': 'k-1' }))
    const next = await lambda.invoke(request({ sku: 'B2', quantity: 5 }, { 'idempotency-key': 'k-2' }))

    expect(duplicate).toEqual(first)
    expect(next).toMatchObject({ statusCode: 201, body: '{"sku":"B2","quantity":5}' })
    expect(stdio.emf().map(({ sku, ItemsOrdered }) => ({ sku, ItemsOrdered }))).toEqual([
      { sku: 'A1', ItemsOrdered: 2 },
      { sku: 'B2', ItemsOrdered: 5 },
    ])
  })

  test('an origin that is not allowed gets no Access-Control-Allow-Origin', async () => {
    await using lambda = container()
    using _stdio = captureStdio()
    const response = await lambda.invoke(
      request({ sku: 'A1', quantity: 1 }, { origin: 'https://evil.example' }),
    )

    expect(response.statusCode).toBe(201)
    expect(response.headers).not.toHaveProperty('Access-Control-Allow-Origin')
  })
})
