import { describe, expect, test } from 'vitest'
import { createClock } from '../clock.ts'
import { events } from './events.ts'

describe("events['apigw-http']", () => {
  test('builds a GET / with a complete request context by default, omitting empty parts', () => {
    const event = events['apigw-http']({ clock: createClock(Date.UTC(2020, 2, 12, 19, 3, 58)) })
    expect(event).toMatchObject({
      version: '2.0',
      routeKey: '$default',
      rawPath: '/',
      rawQueryString: '',
      isBase64Encoded: false,
      requestContext: {
        http: { method: 'GET', path: '/', protocol: 'HTTP/1.1' },
        stage: '$default',
        time: '12/Mar/2020:19:03:58 +0000',
        timeEpoch: Date.UTC(2020, 2, 12, 19, 3, 58),
      },
    })
    expect(event.requestContext.domainName).toBe(event.headers.host)
    expect('body' in event).toBe(false)
    expect('queryStringParameters' in event).toBe(false)
    expect('cookies' in event).toBe(false)
  })

  test('sends an object body as JSON with content type and length, and a string body as is', () => {
    const event = events['apigw-http']({ method: 'post', path: '/orders', body: { sku: 'A1' } })
    expect(event.body).toBe('{"sku":"A1"}')
    expect(event.requestContext.http.method).toBe('POST')
    expect(event.headers['content-type']).toBe('application/json')
    expect(event.headers['content-length']).toBe('12')
    const text = events['apigw-http']({ method: 'PUT', body: 'raw' })
    expect(text.body).toBe('raw')
    expect(text.headers['content-type']).toBeUndefined()
  })

  test('carries query, lower-cased headers, cookies and path parameters', () => {
    const event = events['apigw-http']({
      path: '/orders/42',
      query: { page: '2', q: 'a b' },
      headers: { 'X-Request-Id': 'abc' },
      cookies: ['session=1'],
      pathParameters: { id: '42' },
    })
    expect(event.rawQueryString).toBe('page=2&q=a+b')
    expect(event.queryStringParameters).toEqual({ page: '2', q: 'a b' })
    expect(event.headers['x-request-id']).toBe('abc')
    expect(event.cookies).toEqual(['session=1'])
    expect(event.pathParameters).toEqual({ id: '42' })
  })
})

describe("events['apigw-http'] overrides", () => {
  test('a route key names the route in the context too, and the event fields still override', () => {
    const event = events['apigw-http']({ routeKey: 'POST /quotes', rawPath: '/quotes', body: 1 })
    expect(event.requestContext.routeKey).toBe('POST /quotes')
    expect(event.requestContext.http.path).toBe('/quotes')
    expect(event.body).toBe('1')
  })
})
