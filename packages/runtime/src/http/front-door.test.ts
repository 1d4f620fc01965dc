import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { recordingTarget, sendHttp as send } from '../../test-support/http-client.ts'
import type { HttpRequestRecord } from './exchange.ts'
import { type HttpFrontDoor, httpFrontDoor } from './front-door.ts'

/** The result a request asks for in its `x-result` header (JSON), else a plain 200. */
function asked(event: Record<string, unknown>): unknown {
  const { headers } = event
  const header: unknown =
    typeof headers === 'object' && headers !== null ? Reflect.get(headers, 'x-result') : undefined
  return typeof header === 'string' ? JSON.parse(header) : { statusCode: 200, body: 'hi' }
}

describe('httpFrontDoor with an in-process function', () => {
  const echo = recordingTarget((event) => ({ result: asked(event) }))
  const failing = recordingTarget(() => ({ error: { errorType: 'Error', errorMessage: 'boom', trace: [] } }))
  // Answers only once released: the integration timeout is over before the function is, whatever the load.
  let release = () => {}
  const released = new Promise<void>((resolve) => {
    release = resolve
  })
  const held = { invoke: async (event: unknown) => released.then(() => echo.invoke(event)) }
  let door: HttpFrontDoor
  const records: HttpRequestRecord[] = []
  beforeAll(async () => {
    door = await httpFrontDoor({
      routes: [
        { type: 'http-api', method: 'POST', path: '/items/{id}', function: echo },
        { type: 'http-api', path: '/fail', function: failing },
        { type: 'rest-api', path: '/rest/{proxy+}', function: echo },
        { type: 'rest-api', path: '/rest-fail', function: failing },
        { type: 'alb', path: '/alb-fail', function: failing },
        { type: 'function-url', path: '/url', function: failing },
        { type: 'http-api', path: '/held', function: held, timeoutInMillis: 50 },
      ],
    })
    door.onRequest((record) => records.push(record))
  })
  afterAll(() => {
    release()
    return door.stop()
  })

  it('builds payload 2.0: lower-cased headers joined with commas, cookies apart, query decoded and joined', async () => {
    const headers: [string, string][] = [
      ['X-Tag', 'a'],
      ['x-tag', 'b'],
      ['Cookie', 'a=1; b=2'],
      ['Cookie', 'c=3'],
      ['Content-Type', 'text/plain'],
    ]
    const response = await send(door.url, 'POST', '/items/i%201?q=x%20y&q=z&flag&e=%ZZ', headers, 'hello')
    expect(response.status).toBe(200)
    expect(response.body).toBe('hi')
    expect(response.headers['apigw-requestid']).toMatch(/^[\w-]{15}=$/)
    const event = echo.events.at(-1)
    expect(event).toMatchObject({
      version: '2.0',
      routeKey: 'POST /items/{id}',
      rawPath: '/items/i%201',
      rawQueryString: 'q=x%20y&q=z&flag&e=%ZZ',
      cookies: ['a=1', 'b=2', 'c=3'],
      queryStringParameters: { q: 'x y,z', flag: '', e: '%ZZ' },
      pathParameters: { id: 'i 1' },
      body: 'hello',
      isBase64Encoded: false,
      requestContext: {
        http: { method: 'POST', path: '/items/i%201', protocol: 'HTTP/1.1', sourceIp: '127.0.0.1' },
        stage: '$default',
        routeKey: 'POST /items/{id}',
      },
    })
    expect(event?.headers).toMatchObject({
      'x-tag': 'a,b',
      'content-type': 'text/plain',
      'x-forwarded-proto': 'http',
    })
    expect(event?.headers).not.toHaveProperty('cookie')
  })

  it('sends a body whose content type is not text base64-encoded, form posts included', async () => {
    await send(
      door.url,
      'POST',
      '/items/1',
      [['Content-Type', 'application/x-www-form-urlencoded']],
      'a=1&b=2',
    )
    expect(echo.events.at(-1)).toMatchObject({
      body: Buffer.from('a=1&b=2').toString('base64'),
      isBase64Encoded: true,
    })
  })

  it.each([
    ['a string is the body', '"plain"', 200, 'plain'],
    ['an object without statusCode is a 200 JSON body', '{"a":1}', 200, '{"a":1}'],
    ['a base64 body is decoded', '{"statusCode":201,"body":"aGk=","isBase64Encoded":true}', 201, 'hi'],
    [
      'a bad statusCode is the API’s 500',
      '{"statusCode":"two hundred"}',
      500,
      '{"message":"Internal Server Error"}',
    ],
    [
      'a header that cannot go on the wire is the API’s 500',
      '{"statusCode":200,"headers":{"a b":"1"}}',
      500,
      '{"message":"Internal Server Error"}',
    ],
  ])('HTTP API result: %s', async (_name, result, status, body) => {
    const response = await send(door.url, 'POST', '/items/1', [['x-result', result]])
    expect([response.status, response.body]).toEqual([status, body])
  })

  it('HTTP API: cookies become set-cookie lines', async () => {
    const response = await send(door.url, 'POST', '/items/1', [
      ['x-result', '{"statusCode":204,"cookies":["a=1","b=2"]}'],
    ])
    expect(response.status).toBe(204)
    expect(response.headers['set-cookie']).toEqual(['a=1', 'b=2'])
  })

  it('REST: multi-value maps beside single ones, headers as sent; a malformed result is 502', async () => {
    const headers: [string, string][] = [
      ['X-Tag', 'a'],
      ['X-Tag', 'b'],
      ['x-result', '{"statusCode":200,"headers":{"x-one":"1"},"multiValueHeaders":{"x-many":["1","2"]}}'],
    ]
    const response = await send(door.url, 'GET', '/rest/a/b?t=1&t=2', headers)
    expect(response.headers['x-one']).toBe('1')
    expect(response.headers['x-many']).toBe('1, 2')
    expect(echo.events.at(-1)).toMatchObject({
      resource: '/rest/{proxy+}',
      path: '/rest/a/b',
      headers: { 'X-Tag': 'b' },
      multiValueHeaders: { 'X-Tag': ['a', 'b'] },
      queryStringParameters: { t: '2' },
      multiValueQueryStringParameters: { t: ['1', '2'] },
      pathParameters: { proxy: 'a/b' },
      stageVariables: null,
      body: null,
      requestContext: { stage: 'prod', resourcePath: '/rest/{proxy+}', httpMethod: 'GET' },
    })
    const malformed = await send(door.url, 'GET', '/rest/x', [['x-result', '"not a response"']])
    expect([malformed.status, malformed.body]).toEqual([502, '{"message": "Internal server error"}'])
  })

  it.each([
    ['/fail', 500, '{"message":"Internal Server Error"}'],
    ['/rest-fail', 502, '{"message": "Internal server error"}'],
    ['/url/anything', 502, 'Internal Server Error'],
    ['/nowhere', 404, '{"message":"Not Found"}'],
  ])('a function error or no route gets what AWS answers: %s', async (path, status, body) => {
    const response = await send(door.url, 'GET', path, [])
    expect([response.status, response.body]).toEqual([status, body])
  })

  it('answers ALB’s 502 page for a function error', async () => {
    const response = await send(door.url, 'GET', '/alb-fail', [])
    expect(response.status).toBe(502)
    expect(response.body).toContain('<h1>502 Bad Gateway</h1>')
  })

  it('answers a body over 6 MB 413 without invoking the function', async () => {
    const before = echo.events.length
    const response = await send(
      door.url,
      'POST',
      '/items/1',
      [['content-type', 'text/plain']],
      'x'.repeat(6 * 1024 * 1024 + 1),
    )
    expect([response.status, response.body]).toEqual([413, '{"message":"Request Entity Too Large"}'])
    expect(echo.events.length).toBe(before)
  })

  it('HTTP API: a function slower than the integration timeout gets 503 Service Unavailable', async () => {
    const response = await send(door.url, 'GET', '/held', [])
    release()
    expect([response.status, response.body]).toEqual([503, '{"message":"Service Unavailable"}'])
  })

  it.each([
    ['/rest/big', 6 * 1024 * 1024 + 1, '{"message":"Request Too Long"}'],
    [
      '/url/big',
      6 * 1024 * 1024 + 1,
      '{"Message":"Request must be smaller than 6291456 bytes for the InvokeFunction operation"}',
    ],
    ['/alb-fail', 1024 * 1024 + 1, expect.stringContaining('<h1>413 Request Entity Too Large</h1>')],
  ])('%s: a body the front door cannot take gets its own 413', async (path, size, body) => {
    const response = await send(door.url, 'POST', path, [['content-type', 'text/plain']], 'x'.repeat(size))
    expect([response.status, response.body]).toEqual([413, body])
  })

  it('reports every request to onRequest listeners with its route, status and ids', async () => {
    records.length = 0
    await send(door.url, 'POST', '/items/7', [])
    await send(door.url, 'GET', '/fail', [])
    expect(records).toMatchObject([
      {
        method: 'POST',
        path: '/items/7',
        routeKey: 'POST /items/{id}',
        type: 'http-api',
        status: 200,
        lambdaRequestId: 'r-1',
      },
      { method: 'GET', path: '/fail', status: 500, failure: 'function-error' },
    ])
    expect(records.every((record) => record.durationMs >= 0 && record.requestId.length > 0)).toBe(true)
  })

  it('refuses a port that is not one with RUNTIME_INVALID_OPTION, and a taken one with PORT_IN_USE', async () => {
    const routes = [{ type: 'http-api' as const, path: '/', function: echo }]
    await expect(httpFrontDoor({ routes, port: 70_000 })).rejects.toMatchObject({
      code: 'RUNTIME_INVALID_OPTION',
    })
    await expect(httpFrontDoor({ routes, port: door.port })).rejects.toMatchObject({ code: 'PORT_IN_USE' })
  })
})
