import { fileURLToPath } from 'node:url'
import { albSchema, apigwRestSchema, functionUrlSchema } from '@sluice/events'
import { type HttpFrontDoor, httpFrontDoor, type Runtime, startRuntime } from '@sluice/runtime'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sendHttp } from '../../packages/runtime/test-support/http-client.ts'

// REST API (payload 1.0) and ALB front doors over the real aws-lambda-ric: an echo fixture returns the event it
// got, or the result a request header asks for, so each test sees both halves of the exchange.
const cwd = fileURLToPath(new URL('../..', import.meta.url))
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64')
const send = (url: string, path: string, lines: [string, string][], method = 'GET') =>
  sendHttp(url, method, path, lines)

describe('REST API, ALB and Function URL front doors through the real runtime', () => {
  let runtime: Runtime
  let door: HttpFrontDoor
  beforeAll(async () => {
    runtime = await startRuntime({
      handler: 'test/fixtures/event-sources/http-echo.mjs#handler',
      cwd,
      timeoutMs: 10_000,
      concurrency: 2,
    })
    door = await httpFrontDoor({
      routes: [
        {
          type: 'rest-api',
          method: 'GET',
          path: '/orders/{id}',
          stage: 'v1',
          function: runtime,
          binaryMediaTypes: ['image/*'],
        },
        { type: 'rest-api', path: '/slow', function: runtime, timeoutInMillis: 200 },
        { type: 'alb', path: '/alb/single/*', function: runtime },
        { type: 'alb', path: '/alb/multi/*', function: runtime, multiValueHeaders: true },
        { type: 'function-url', path: '/fn', function: runtime },
      ],
    })
  })
  afterAll(async () => {
    await door?.stop()
    await runtime?.stop()
  })

  it('REST: headers and query in single- and multi-value maps, path parameters, stage; parses as a REST event', async () => {
    const answer = await send(door.url, '/orders/o%2D7?tag=a&tag=b&q=x%20y', [
      ['X-Tag', 'one'],
      ['X-Tag', 'two'],
      ['Cookie', 'k=v'],
    ])
    expect(answer.status).toBe(200)
    expect(answer.headers['x-amzn-requestid']).toMatch(/^[0-9a-f-]{36}$/)
    const event = apigwRestSchema.parse(JSON.parse(answer.body))
    expect(event).toMatchObject({
      resource: '/orders/{id}',
      path: '/orders/o%2D7',
      httpMethod: 'GET',
      headers: { 'X-Tag': 'two', Cookie: 'k=v' },
      multiValueHeaders: { 'X-Tag': ['one', 'two'] },
      queryStringParameters: { tag: 'b', q: 'x y' },
      multiValueQueryStringParameters: { tag: ['a', 'b'], q: ['x y'] },
      pathParameters: { id: 'o-7' },
      stageVariables: null,
      body: null,
      isBase64Encoded: false,
      requestContext: {
        stage: 'v1',
        resourcePath: '/orders/{id}',
        httpMethod: 'GET',
        requestId: answer.headers['x-amzn-requestid'],
      },
    })
  })

  it('REST: the result’s headers and multiValueHeaders become the response, set-cookie lines included', async () => {
    const result = {
      statusCode: 201,
      headers: { 'x-one': 'solo' },
      multiValueHeaders: { 'set-cookie': ['a=1', 'b=2'] },
      body: 'made',
    }
    const answer = await send(door.url, '/orders/1', [['x-reply', b64(result)]])
    expect([answer.status, answer.body, answer.headers['x-one'], answer.headers['set-cookie']]).toEqual([
      201,
      'made',
      'solo',
      ['a=1', 'b=2'],
    ])
  })

  it('REST: a base64 body is decoded only for an Accept in binaryMediaTypes', async () => {
    const png = {
      statusCode: 200,
      headers: { 'content-type': 'image/png' },
      body: Buffer.from([137, 80, 78, 71]).toString('base64'),
      isBase64Encoded: true,
    }
    const binary = await send(door.url, '/orders/1', [
      ['x-reply', b64(png)],
      ['Accept', 'image/png'],
    ])
    const text = await send(door.url, '/orders/1', [
      ['x-reply', b64(png)],
      ['Accept', 'application/json'],
    ])
    expect(Buffer.from(binary.body, 'latin1').subarray(1, 4).toString()).toBe('PNG')
    expect(text.body).toBe(png.body)
  })

  it('REST: a function error, a malformed result and the integration timeout get API Gateway’s answers', async () => {
    const thrown = await send(door.url, '/orders/1', [['x-throw', 'database down']])
    const malformed = await send(door.url, '/orders/1', [['x-reply', b64({ body: 'no status' })]])
    const slow = await send(door.url, '/slow', [['x-sleep-ms', '3000']])
    // An unknown path: a door of REST routes only answers as REST APIs do; a mixed one as HTTP APIs do (404).
    await using restOnly = await httpFrontDoor({
      routes: [{ type: 'rest-api', path: '/orders', function: runtime }],
    })
    const missing = await send(restOnly.url, '/nope', [])
    const mixed = await send(door.url, '/nope', [])
    expect([thrown.status, thrown.body]).toEqual([502, '{"message": "Internal server error"}'])
    expect(thrown.headers['x-amzn-errortype']).toBe('InternalServerErrorException')
    expect([malformed.status, malformed.body]).toEqual([502, '{"message": "Internal server error"}'])
    expect([slow.status, slow.body]).toEqual([504, '{"message": "Endpoint request timed out"}'])
    expect([missing.status, missing.body]).toEqual([403, '{"message":"Missing Authentication Token"}'])
    expect([mixed.status, mixed.body]).toEqual([404, '{"message":"Not Found"}'])
  })

  it('ALB without multi-value headers: lower-cased names, last value wins, query not decoded', async () => {
    const answer = await send(
      door.url,
      '/alb/single/x?tag=a&tag=b&q=x%20y',
      [
        ['X-Tag', 'one'],
        ['X-Tag', 'two'],
      ],
      'POST',
    )
    const event = albSchema.parse(JSON.parse(answer.body))
    expect(event).toMatchObject({
      httpMethod: 'POST',
      path: '/alb/single/x',
      queryStringParameters: { tag: 'b', q: 'x%20y' },
      body: '',
      isBase64Encoded: false,
    })
    expect(event.headers).toMatchObject({ 'x-tag': 'two' })
    expect(event.multiValueHeaders).toBeUndefined()
    expect(event.requestContext.elb.targetGroupArn).toMatch(
      /^arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup\//,
    )
  })

  it('ALB with multi-value headers: only the multi-value maps, every value kept', async () => {
    const answer = await send(door.url, '/alb/multi/x?tag=a&tag=b', [
      ['X-Tag', 'one'],
      ['X-Tag', 'two'],
    ])
    const event = albSchema.parse(JSON.parse(answer.body))
    expect(event).toMatchObject({
      multiValueQueryStringParameters: { tag: ['a', 'b'] },
      multiValueHeaders: { 'x-tag': ['one', 'two'] },
    })
    expect(event.headers).toBeUndefined()
    expect(event.queryStringParameters).toBeUndefined()
  })

  it('ALB responses: statusDescription is the reason phrase; the mode decides which header map counts', async () => {
    const result = {
      statusCode: 418,
      statusDescription: '418 Short And Stout',
      headers: { 'x-single': '1' },
      multiValueHeaders: { 'x-multi': ['1', '2'] },
      body: 'tea',
    }
    const single = await send(door.url, '/alb/single/r', [['x-reply', b64(result)]])
    const multi = await send(door.url, '/alb/multi/r', [['x-reply', b64(result)]])
    expect([
      single.status,
      single.message,
      single.body,
      single.headers['x-single'],
      single.headers['x-multi'],
    ]).toEqual([418, 'Short And Stout', 'tea', '1', undefined])
    expect([multi.headers['x-single'], multi.headers['x-multi']]).toEqual([undefined, '1, 2'])
    const failed = await send(door.url, '/alb/single/r', [['x-throw', 'nope']])
    expect([failed.status, failed.body.includes('502 Bad Gateway')]).toEqual([502, true])
  })

  it('Function URL: payload 2.0 on a lambda-url domain, the path below the mount, an anonymous caller', async () => {
    const answer = await send(door.url, '/fn/hooks/github?x=1', [['Cookie', 'a=1']], 'POST')
    const event = functionUrlSchema.parse(JSON.parse(answer.body))
    expect(event).toMatchObject({
      routeKey: '$default',
      rawPath: '/hooks/github',
      rawQueryString: 'x=1',
      cookies: ['a=1'],
      requestContext: {
        accountId: 'anonymous',
        stage: '$default',
        http: { method: 'POST', path: '/hooks/github' },
      },
    })
    expect(event.requestContext.domainName).toMatch(/^[0-9a-f]{32}\.lambda-url\.us-east-1\.on\.aws$/)
    const thrown = await send(door.url, '/fn', [['x-throw', 'boom']])
    expect([thrown.status, thrown.body]).toEqual([502, 'Internal Server Error'])
  })
})
