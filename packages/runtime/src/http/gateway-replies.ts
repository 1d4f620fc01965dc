import { SYNC_PAYLOAD_LIMIT_BYTES } from '../payload-limits.ts'
import type { HttpRouteType } from './route-table.ts'

/** An HTTP response ready to write: header lines (repeats allowed, e.g. `set-cookie`) and the body bytes. */
export interface HttpReply {
  readonly statusCode: number
  /** The reason phrase, when the function chose one (ALB `statusDescription`). */
  readonly statusMessage?: string
  readonly headers: readonly (readonly [string, string])[]
  readonly body: Buffer
}

/** Why the front door answered instead of the function. */
export type GatewayFailure = 'not-found' | 'function-error' | 'malformed-response' | 'timeout' | 'too-large'

const json = (statusCode: number, body: string, errorType?: string): HttpReply => ({
  statusCode,
  headers: [
    ['content-type', 'application/json'],
    ...(errorType ? [['x-amzn-ErrorType', errorType] as const] : []),
  ],
  body: Buffer.from(body),
})

const html = (statusCode: number, title: string): HttpReply => ({
  statusCode,
  headers: [['content-type', 'text/html']],
  body: Buffer.from(
    `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n</body>\r\n</html>\r\n`,
  ),
})

/** The 6 MB of a synchronous invocation's payload, in bytes (the limit Lambda counts, 6 MiB). */
export const INVOKE_PAYLOAD_LIMIT = SYNC_PAYLOAD_LIMIT_BYTES

// What each front door answers itself, status and body as AWS sends them: HTTP APIs answer a function error or a
// malformed result 500, REST APIs 502 (`{"message": "Internal server error"}`, the space included), Function
// URLs 502 in plain text, ALB its 502 page. A REST API has no 404: an unknown path is a missing token (403).
const REPLIES: Record<HttpRouteType, Record<GatewayFailure, () => HttpReply>> = {
  'http-api': {
    'not-found': () => json(404, '{"message":"Not Found"}'),
    'function-error': () => json(500, '{"message":"Internal Server Error"}'),
    'malformed-response': () => json(500, '{"message":"Internal Server Error"}'),
    timeout: () => json(503, '{"message":"Service Unavailable"}'),
    'too-large': () => json(413, '{"message":"Request Entity Too Large"}'),
  },
  'rest-api': {
    'not-found': () =>
      json(403, '{"message":"Missing Authentication Token"}', 'MissingAuthenticationTokenException'),
    'function-error': () => json(502, '{"message": "Internal server error"}', 'InternalServerErrorException'),
    'malformed-response': () =>
      json(502, '{"message": "Internal server error"}', 'InternalServerErrorException'),
    timeout: () => json(504, '{"message": "Endpoint request timed out"}', 'IntegrationTimeout'),
    'too-large': () => json(413, '{"message":"Request Too Long"}', 'RequestTooLongException'),
  },
  'function-url': {
    'not-found': () => json(404, '{"message":"Not Found"}'),
    'function-error': () => ({
      statusCode: 502,
      headers: [['content-type', 'text/plain']],
      body: Buffer.from('Internal Server Error'),
    }),
    'malformed-response': () => ({
      statusCode: 502,
      headers: [['content-type', 'text/plain']],
      body: Buffer.from('Internal Server Error'),
    }),
    timeout: () => json(504, '{"Message":"Task timed out"}'),
    'too-large': () =>
      json(
        413,
        `{"Message":"Request must be smaller than ${INVOKE_PAYLOAD_LIMIT} bytes for the InvokeFunction operation"}`,
        'RequestEntityTooLargeException',
      ),
  },
  alb: {
    'not-found': () => ({
      statusCode: 404,
      headers: [['content-type', 'text/plain; charset=utf-8']],
      body: Buffer.from('Not Found'),
    }),
    'function-error': () => html(502, '502 Bad Gateway'),
    'malformed-response': () => html(502, '502 Bad Gateway'),
    timeout: () => html(504, '504 Gateway Time-out'),
    'too-large': () => html(413, '413 Request Entity Too Large'),
  },
}

/**
 * What the front door of `type` answers when it cannot hand the function's answer on.
 *
 * @example
 * gatewayReply('rest-api', 'function-error').statusCode // 502
 */
export function gatewayReply(type: HttpRouteType, failure: GatewayFailure): HttpReply {
  return REPLIES[type][failure]()
}
