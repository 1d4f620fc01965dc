import { randomBytes, randomUUID } from 'node:crypto'
import type { APIGatewayProxyEvent } from 'aws-lambda'
import { eventSource } from './common.ts'
import { type DeepPartial, deepMerge } from './deep-merge.ts'
import {
  bodyText,
  type HttpPartial,
  requestTime,
  restIdentity,
  SOURCE_IP,
  traceId,
  USER_AGENT,
} from './http-body.ts'

/**
 * `events['apigw-rest']`: a REST API proxy event (payload 1.0), `GET /` unless overridden; a non-string body is
 * sent as JSON with `Content-Type: application/json`.
 *
 * @example
 * events['apigw-rest']({ httpMethod: 'POST', path: '/orders', body: { sku: 'A1' } })
 */
export function apigwRestFromPartial(partial: HttpPartial<APIGatewayProxyEvent> = {}): APIGatewayProxyEvent {
  const { region, accountId, now } = eventSource(partial)
  const { text, json } = bodyText(partial.body)
  const method = partial.httpMethod ?? 'GET'
  const path = partial.path ?? '/'
  const apiId = randomBytes(5).toString('hex')
  const headers: Record<string, string> = {
    Accept: '*/*',
    Host: `${apiId}.execute-api.${region}.amazonaws.com`,
    'User-Agent': USER_AGENT,
    'X-Amzn-Trace-Id': traceId(now),
    'X-Forwarded-For': SOURCE_IP,
    'X-Forwarded-Port': '443',
    'X-Forwarded-Proto': 'https',
    ...(json && { 'Content-Type': 'application/json' }),
  }
  const base: APIGatewayProxyEvent = {
    resource: path,
    path,
    httpMethod: method,
    headers,
    multiValueHeaders: Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, [value]])),
    queryStringParameters: null,
    multiValueQueryStringParameters: null,
    pathParameters: null,
    stageVariables: null,
    requestContext: {
      accountId,
      apiId,
      authorizer: undefined,
      domainName: `${apiId}.execute-api.${region}.amazonaws.com`,
      domainPrefix: apiId,
      extendedRequestId: `${randomBytes(10).toString('base64').slice(0, 14)}=`,
      httpMethod: method,
      identity: restIdentity(SOURCE_IP, USER_AGENT),
      path: `/prod${path}`,
      protocol: 'HTTP/1.1',
      requestId: randomUUID(),
      requestTime: requestTime(now),
      requestTimeEpoch: now,
      resourceId: randomBytes(3).toString('hex'),
      resourcePath: path,
      stage: 'prod',
    },
    body: text ?? null,
    isBase64Encoded: false,
  }
  const { body: _, region: __, accountId: ___, clock: ____, ...rest } = partial
  return deepMerge<APIGatewayProxyEvent>(base, rest as DeepPartial<APIGatewayProxyEvent>)
}
