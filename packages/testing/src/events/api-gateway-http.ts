import { randomBytes } from 'node:crypto'
import type { APIGatewayProxyEventV2 } from 'aws-lambda'
import { type EventSourceOptions, eventSource } from './common.ts'

/**
 * The HTTP request an API Gateway HTTP API (payload format 2.0) turns into an event.
 *
 * @example
 * const options: ApiGatewayHttpEventOptions = { method: 'POST', path: '/orders', body: { id: 1 } }
 */
export type ApiGatewayHttpEventOptions = EventSourceOptions & {
  method?: string
  path?: string
  /** A string is sent as is; anything else as JSON with `content-type: application/json`. */
  body?: string | { readonly [key: string]: unknown } | readonly unknown[]
  headers?: Record<string, string>
  query?: Record<string, string>
  cookies?: string[]
  pathParameters?: Record<string, string>
  /** Route key; default `$default` (the catch-all route). */
  routeKey?: string
}

const SOURCE_IP = '203.0.113.10'
const USER_AGENT = 'sluice-testing'
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/**
 * An API Gateway HTTP API event (payload format 2.0), with lower-cased headers, `rawQueryString`,
 * and a complete `requestContext`. Fields HTTP APIs omit when empty (body, query, cookies) are omitted.
 *
 * @example
 * const event = apiGatewayHttpEvent({ method: 'POST', path: '/orders', body: { sku: 'A1' }, query: { dry: '1' } })
 * event.requestContext.http.method // 'POST'
 * event.rawQueryString // 'dry=1'
 */
export function apiGatewayHttpEvent(options: ApiGatewayHttpEventOptions = {}): APIGatewayProxyEventV2 {
  const { region, accountId, now } = eventSource(options)
  const method = (options.method ?? 'GET').toUpperCase()
  const path = options.path ?? '/'
  const apiId = randomBytes(5).toString('hex')
  const domainName = `${apiId}.execute-api.${region}.amazonaws.com`
  const body =
    options.body === undefined || typeof options.body === 'string'
      ? options.body
      : JSON.stringify(options.body)
  const headers: Record<string, string> = {
    accept: '*/*',
    host: domainName,
    'user-agent': USER_AGENT,
    'x-amzn-trace-id': `Root=1-${Math.floor(now / 1000).toString(16)}-${randomBytes(12).toString('hex')}`,
    'x-forwarded-for': SOURCE_IP,
    'x-forwarded-port': '443',
    'x-forwarded-proto': 'https',
    ...(body !== undefined && { 'content-length': String(Buffer.byteLength(body)) }),
    ...(options.body !== undefined &&
      typeof options.body !== 'string' && { 'content-type': 'application/json' }),
  }
  for (const [name, value] of Object.entries(options.headers ?? {})) headers[name.toLowerCase()] = value

  return {
    version: '2.0',
    routeKey: options.routeKey ?? '$default',
    rawPath: path,
    rawQueryString: new URLSearchParams(options.query).toString(),
    ...(options.cookies && { cookies: options.cookies }),
    headers,
    ...(options.query && { queryStringParameters: { ...options.query } }),
    requestContext: {
      accountId,
      apiId,
      domainName,
      domainPrefix: apiId,
      http: {
        method,
        path,
        protocol: 'HTTP/1.1',
        sourceIp: SOURCE_IP,
        userAgent: headers['user-agent'] ?? USER_AGENT,
      },
      requestId: `${randomBytes(12).toString('base64').slice(0, 15)}=`,
      routeKey: options.routeKey ?? '$default',
      stage: '$default',
      time: requestTime(now),
      timeEpoch: now,
    },
    ...(body !== undefined && { body }),
    ...(options.pathParameters && { pathParameters: { ...options.pathParameters } }),
    isBase64Encoded: false,
  }
}

/**
 * `12/Mar/2020:19:03:58 +0000`, the format of API Gateway's `requestContext.time`.
 *
 * @example
 * requestTime(0) // '01/Jan/1970:00:00:00 +0000'
 */
export function requestTime(ms: number): string {
  const date = new Date(ms)
  const pad = (value: number) => String(value).padStart(2, '0')
  const day = `${pad(date.getUTCDate())}/${MONTHS[date.getUTCMonth()]}/${date.getUTCFullYear()}`
  return `${day}:${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} +0000`
}
