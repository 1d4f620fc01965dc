import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { apigwHttpSchema } from '@sluice/events'
import {
  type HttpFrontDoor,
  httpFrontDoor,
  type InvokeOptions,
  type Runtime,
  startRuntime,
} from '@sluice/runtime'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

// Issue 21's HTTP acceptance: a request with a query string, cookies and a base64 body round-trips through the
// http-api example — a real HTTP request, the real aws-lambda-ric running examples/http-api/handler.ts, and the
// events the handler received recorded on the way in.
const cwd = fileURLToPath(new URL('../../examples/http-api', import.meta.url))
const run = promisify(execFile)

const cart = {
  customerId: 'c-7',
  country: 'NL',
  items: [{ sku: 'TEA-BLACK-250', quantity: 2 }],
  coupon: 'WELCOME10',
}
// 2 × 1290 = 2580, 10 % off = 258, 21 % tax on 2322 = 488 (rounded).
const expectedQuote = {
  customerId: 'c-7',
  currency: 'EUR',
  subtotalCents: 2580,
  discountCents: 258,
  taxCents: 488,
  totalCents: 2810,
}

describe('HTTP API front door through the http-api example', () => {
  let runtime: Runtime
  let door: HttpFrontDoor
  const received: unknown[] = []
  beforeAll(async () => {
    runtime = await startRuntime({
      handler: 'handler.ts#handler',
      cwd,
      timeoutMs: 10_000,
      env: { POWERTOOLS_TRACE_ENABLED: 'false' },
    })
    const recorded = {
      invoke: (event: unknown, options?: InvokeOptions) => {
        received.push(event)
        return runtime.invoke(event, options)
      },
    }
    door = await httpFrontDoor({
      routes: [{ type: 'http-api', method: 'POST', path: '/quotes', function: recorded }],
    })
  })
  afterAll(async () => {
    await door?.stop()
    await runtime?.stop()
  })

  it('hands the query string, cookies and a base64 body to the handler and its quote back to the client', async () => {
    // A body the client labels as bytes: HTTP APIs base64-encode what is not text, and the example's envelope
    // decodes it before the schema sees it.
    const body = Buffer.from(JSON.stringify(cart))
    const response = await fetch(`${door.url}/quotes?source=newsletter&tag=tea&tag=mugs&q=green%20tea`, {
      method: 'POST',
      headers: {
        'content-type': 'application/octet-stream',
        cookie: 'session=s-42; consent=yes',
        'x-correlation-id': 'corr-21',
      },
      body,
    })

    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/json')
    expect(response.headers.get('x-correlation-id')).toBe('corr-21')
    expect(response.headers.get('apigw-requestid')).toMatch(/=$/)
    expect(await response.json()).toMatchObject(expectedQuote)

    const event = apigwHttpSchema.parse(received.at(-1))
    expect(event).toMatchObject({
      routeKey: 'POST /quotes',
      rawPath: '/quotes',
      rawQueryString: 'source=newsletter&tag=tea&tag=mugs&q=green%20tea',
      queryStringParameters: { source: 'newsletter', tag: 'tea,mugs', q: 'green tea' },
      cookies: ['session=s-42', 'consent=yes'],
      isBase64Encoded: true,
      body: body.toString('base64'),
      requestContext: {
        routeKey: 'POST /quotes',
        stage: '$default',
        http: { method: 'POST', path: '/quotes' },
      },
    })
    expect(event.headers['x-correlation-id']).toBe('corr-21')
    expect(event.requestContext.requestId).toBe(response.headers.get('apigw-requestid'))
  })

  it('curl works: the same request from the command line gets the same quote', async () => {
    const { stdout } = await run('curl', [
      '-sS',
      '-i',
      '-X',
      'POST',
      '-H',
      'content-type: application/octet-stream',
      '-b',
      'session=s-42; consent=yes',
      '--data-binary',
      JSON.stringify(cart),
      `${door.url}/quotes?source=curl`,
    ])
    const [head = '', text = ''] = stdout.split('\r\n\r\n')
    expect(head).toMatch(/^HTTP\/1\.1 200 OK/)
    expect(head.toLowerCase()).toContain('content-type: application/json')
    expect(JSON.parse(text)).toMatchObject(expectedQuote)
    expect(received.at(-1)).toMatchObject({
      rawQueryString: 'source=curl',
      cookies: ['session=s-42', 'consent=yes'],
      isBase64Encoded: true,
    })
  })

  it('passes the handler’s own error status on (a body the schema refuses is its 400)', async () => {
    const response = await fetch(`${door.url}/quotes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"customerId":"c-1"}',
    })
    expect(response.status).toBe(400)
    expect(await response.json()).toMatchObject({ code: 'EVENT_PARSE_FAILED' })
    expect(received.at(-1)).toMatchObject({ isBase64Encoded: false, body: '{"customerId":"c-1"}' })
  })

  it('answers a path or method with no route as an HTTP API does', async () => {
    const response = await fetch(`${door.url}/quotes`, { method: 'GET' })
    expect(response.status).toBe(404)
    expect(await response.json()).toEqual({ message: 'Not Found' })
  })
})
