import { randomBytes } from 'node:crypto'
import type { EventSourceOptions, JsonValueOption } from './common.ts'
import type { DeepPartial } from './deep-merge.ts'

/**
 * The client address every HTTP builder puts in its event (a TEST-NET-3 address).
 *
 * @example
 * events.alb().headers?.['x-forwarded-for'] === SOURCE_IP // true
 */
export const SOURCE_IP = '203.0.113.10'
/**
 * The user agent every HTTP builder puts in its event.
 *
 * @example
 * events['apigw-http']().requestContext.http.userAgent === USER_AGENT // true
 */
export const USER_AGENT = 'sluice-testing'
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/**
 * A request body option: a string is sent as is, any other JSON value as JSON text.
 *
 * @example
 * const body: BodyOption = { sku: 'A1' }
 */
export type BodyOption = JsonValueOption

/**
 * Overrides of an HTTP event whose `body` also takes a JSON value.
 *
 * @example
 * const overrides: HttpPartial<ALBEvent> = { httpMethod: 'POST', body: { sku: 'A1' } }
 */
export type HttpPartial<$Event> = EventSourceOptions &
  Omit<DeepPartial<$Event>, 'body'> & { body?: BodyOption }

/**
 * The body text and whether it was JSON-encoded for you (builders then add `content-type: application/json`).
 *
 * @example
 * bodyText({ a: 1 }) // { text: '{"a":1}', json: true }
 */
export function bodyText(body: BodyOption | undefined): { text: string | undefined; json: boolean } {
  if (body === undefined) return { text: undefined, json: false }
  if (typeof body === 'string') return { text: body, json: false }
  return { text: JSON.stringify(body), json: true }
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

/**
 * An `X-Amzn-Trace-Id` header value for a request received at `now`.
 *
 * @example
 * traceId(0) // 'Root=1-0-…'
 */
export function traceId(now: number): string {
  return `Root=1-${Math.floor(now / 1000).toString(16)}-${randomBytes(12).toString('hex')}`
}

/**
 * API Gateway's REST API identity block, every key present as API Gateway sends it (`userAgent` is `null` for a
 * request without a `User-Agent` header).
 *
 * @example
 * restIdentity('203.0.113.10', 'curl/8.0').sourceIp // '203.0.113.10'
 */
export function restIdentity(sourceIp: string, userAgent: string | null) {
  return {
    accessKey: null,
    accountId: null,
    apiKey: null,
    apiKeyId: null,
    caller: null,
    clientCert: null,
    cognitoAuthenticationProvider: null,
    cognitoAuthenticationType: null,
    cognitoIdentityId: null,
    cognitoIdentityPoolId: null,
    principalOrgId: null,
    sourceIp,
    user: null,
    userAgent,
    userArn: null,
  }
}
