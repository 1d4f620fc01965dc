import { randomBytes, randomUUID } from 'node:crypto'
import { headerOf } from './http-fields.ts'
import type { RawRequest } from './http-request.ts'
import type { RouteMatch } from './route-match.ts'

/** Everything an event builder needs about one request: the request, its route, and the ids the door gave it. */
export interface RequestFacts {
  readonly request: RawRequest
  readonly match: RouteMatch
  /** The front door's request id: `apigw-requestid`, `x-amzn-RequestId`, `requestContext.requestId`. */
  readonly requestId: string
  /** The X-Ray header passed to the invocation; its `Root=…` part is the request's `X-Amzn-Trace-Id`. */
  readonly traceHeader: string
  /** The local server's port (`x-forwarded-port`). */
  readonly port: number
  readonly region: string
  readonly accountId: string
  /** A stable id per API (10 chars) or Function URL (32 chars), as AWS hands them out. */
  readonly apiId: string
}

/**
 * Ids for a request in the shape its front door uses: HTTP API ids are 15 base64 characters and `=`, the others
 * UUIDs.
 *
 * @example
 * newGatewayRequestId('http-api') // 'LV7fzho-PHcEJPw='
 */
export function newGatewayRequestId(type: RouteMatch['route']['type']): string {
  return type === 'http-api' ? `${randomBytes(12).toString('base64url').slice(0, 15)}=` : randomUUID()
}

/**
 * The request's headers plus those the front door adds: `X-Forwarded-For` (the client's address appended),
 * `X-Forwarded-Port`, `X-Forwarded-Proto` and `X-Amzn-Trace-Id`.
 *
 * @example
 * forwardedHeaders(facts).find(([name]) => name === 'X-Forwarded-Proto') // ['X-Forwarded-Proto', 'http']
 */
export function forwardedHeaders(facts: RequestFacts): [string, string][] {
  const { request } = facts
  const kept = request.headers.filter(
    ([name]) => !/^x-forwarded-(for|port|proto)$|^x-amzn-trace-id$/i.test(name),
  )
  const forwardedFor = headerOf(request.headers, 'x-forwarded-for')
  return [
    ...kept.map(([name, value]): [string, string] => [name, value]),
    ['X-Amzn-Trace-Id', facts.traceHeader.split(';')[0] ?? facts.traceHeader],
    [
      'X-Forwarded-For',
      forwardedFor === undefined ? request.sourceIp : `${forwardedFor}, ${request.sourceIp}`,
    ],
    ['X-Forwarded-Port', String(facts.port)],
    ['X-Forwarded-Proto', 'http'],
  ]
}

/**
 * The host name the client used (no port): the API's `domainName`.
 *
 * @example
 * hostName(request) // '127.0.0.1'
 */
export function hostName(request: RawRequest): string {
  const host = headerOf(request.headers, 'host') ?? '127.0.0.1'
  return host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : (host.split(':')[0] ?? host)
}
