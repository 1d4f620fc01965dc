import type { JsonValueOption } from './common.ts'
/**
 * A request body option: a string is sent as is, any other JSON value as JSON text.
 *
 * @example
 * const body: BodyOption = { sku: 'A1' }
 */
export type BodyOption = JsonValueOption

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
 * API Gateway's REST API identity block, every key present as API Gateway sends it.
 *
 * @example
 * restIdentity('203.0.113.10', 'curl/8.0').sourceIp // '203.0.113.10'
 */
export function restIdentity(sourceIp: string, userAgent: string) {
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
