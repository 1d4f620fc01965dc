import { fileURLToPath } from 'node:url'
import { SluiceError } from '@sluice/core'
import { startRuntime } from '@sluice/runtime'
import { createContainer, events } from '@sluice/testing'
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda'
import { describe, expect, it } from 'vitest'
import catalog from './catalog.json' with { type: 'json' }
import event from './event.json' with { type: 'json' }
import { toHttpError } from './http-response.ts'

const cwd = fileURLToPath(new URL('.', import.meta.url))
const module = new URL('./handler.ts', import.meta.url)
type Response = APIGatewayProxyStructuredResultV2

// Tracing is the tracer package's business (and its tests'); here it would only print the X-Ray SDK's
// "no segment" complaint, since createContainer sets AWS_EXECUTION_ENV but delivers no trace header.
const quotes = () =>
  createContainer<APIGatewayProxyEventV2, Response>({
    module,
    env: { LOG_LEVEL: 'silent', POWERTOOLS_TRACE_ENABLED: 'false' },
  })
const post = (body: unknown, headers: Record<string, string> = {}) =>
  events['apigw-http']({
    method: 'POST',
    path: '/quotes',
    routeKey: 'POST /quotes',
    headers,
    body: typeof body === 'string' ? body : (body as Record<string, unknown>),
  })
const bodyOf = (response: Response) => JSON.parse(response.body ?? 'null')

describe('http-api: POST /quotes', () => {
  it('prices a cart from the catalogue and echoes the caller’s correlation id', async () => {
    await using container = quotes()
    const items = [
      { sku: 'TEA-BLACK-250', quantity: 4 },
      { sku: 'MUG-STONE', quantity: 1 },
    ]
    const response = await container.invoke(
      post({ customerId: 'c-7', country: 'NL', items }, { 'X-Correlation-Id': 'corr-123' }),
    )

    const subtotal = items.reduce(
      (sum, { sku, quantity }) => sum + catalog.products[sku as 'MUG-STONE'].priceCents * quantity,
      0,
    )
    expect(response.statusCode).toBe(200)
    expect(response.headers?.['x-correlation-id']).toBe('corr-123')
    expect(bodyOf(response)).toMatchObject({
      subtotalCents: subtotal,
      discountCents: 0,
      taxCents: Math.round(subtotal * catalog.taxRates.NL),
      totalCents: subtotal + Math.round(subtotal * catalog.taxRates.NL),
    })
  })

  it('falls back to API Gateway’s request id as the correlation id', async () => {
    await using container = quotes()
    const request = post({ customerId: 'c-7', country: 'US', items: [{ sku: 'MUG-STONE', quantity: 1 }] })
    const response = await container.invoke(request)

    expect(response.headers?.['x-correlation-id']).toBe(request.requestContext.requestId)
  })

  it('answers 400 with the path when the body does not match the schema', async () => {
    await using container = quotes()
    const response = await container.invoke(
      post({ customerId: 'c-7', country: 'DE', items: [{ sku: 'MUG-STONE', quantity: 0 }] }),
    )

    expect(response.statusCode).toBe(400)
    expect(bodyOf(response)).toMatchObject({
      code: 'EVENT_PARSE_FAILED',
      path: ['body', 'items', 0, 'quantity'],
    })
  })

  it('answers 400 when the body is not JSON', async () => {
    await using container = quotes()
    const response = await container.invoke(post('customerId=c-7&country=DE'))

    expect(response.statusCode).toBe(400)
    expect(bodyOf(response).code).toBe('EVENT_BODY_NOT_JSON')
  })

  it('maps the domain’s own errors to 422 and 409 with the field that caused them', async () => {
    await using container = quotes()
    const unknown = await container.invoke(
      post({
        customerId: 'c-7',
        country: 'DE',
        items: [
          { sku: 'MUG-STONE', quantity: 1 },
          { sku: 'NOPE', quantity: 1 },
        ],
      }),
    )
    const tooMany = await container.invoke(
      post({
        customerId: 'c-7',
        country: 'DE',
        items: [{ sku: 'MUG-STONE', quantity: catalog.products['MUG-STONE'].stock + 1 }],
      }),
    )

    expect([unknown.statusCode, bodyOf(unknown).code, bodyOf(unknown).path]).toEqual([
      422,
      'SKU_UNKNOWN',
      ['body', 'items', 1, 'sku'],
    ])
    expect([tooMany.statusCode, bodyOf(tooMany).code]).toEqual([409, 'OUT_OF_STOCK'])
  })

  it('answers 500 without the message for errors that are not the client’s', () => {
    const response = toHttpError(
      new SluiceError('connect ECONNREFUSED 10.0.3.7:5432', { code: 'UNHANDLED_ERROR' }),
      'corr-9',
    )

    expect(response.statusCode).toBe(500)
    expect(response.body).not.toContain('10.0.3.7')
    expect(bodyOf(response)).toEqual({
      code: 'INTERNAL_ERROR',
      message: 'Something went wrong on our side',
      correlationId: 'corr-9',
    })
  })

  it('runs under the local Lambda runtime with the correlation id on every log line', async () => {
    await using runtime = await startRuntime({ handler: 'handler.ts#handler', cwd, timeoutMs: 5000 })
    const ok = await runtime.invoke(event)
    const refused = await runtime.invoke({ ...event, body: '{"customerId":"c-1"}' })

    expect((ok.result as Response).statusCode).toBe(200)
    expect((refused.result as Response).statusCode).toBe(400)
    const lines = [...ok.logs, ...refused.logs].filter((line) => line.startsWith('{"level"'))
    expect(lines.length).toBeGreaterThanOrEqual(2)
    for (const line of lines) expect(JSON.parse(line).correlationId).toBe(event.headers['x-correlation-id'])
  })
})
