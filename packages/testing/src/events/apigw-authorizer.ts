import { randomBytes, randomUUID } from 'node:crypto'
import type { APIGatewayRequestAuthorizerEvent, APIGatewayTokenAuthorizerEvent } from 'aws-lambda'
import { eventSource } from './common.ts'
import { deepMerge, eventPatch, type Overrides } from './deep-merge.ts'
import { restIdentity, SOURCE_IP, USER_AGENT } from './http-body.ts'

const methodArn = (region: string, accountId: string, method: string, path: string) =>
  `arn:aws:execute-api:${region}:${accountId}:${randomBytes(5).toString('hex')}/prod/${method}${path}`

/**
 * `events['apigw-authorizer-token']`: a TOKEN authorizer request with a bearer token.
 *
 * @example
 * events['apigw-authorizer-token']({ authorizationToken: 'Bearer abc' })
 */
export function apigwAuthorizerTokenFromPartial(
  partial: Overrides<APIGatewayTokenAuthorizerEvent> = {},
): APIGatewayTokenAuthorizerEvent {
  const { region, accountId } = eventSource(partial)
  const base: APIGatewayTokenAuthorizerEvent = {
    type: 'TOKEN',
    authorizationToken: `Bearer ${randomBytes(24).toString('base64url')}`,
    methodArn: methodArn(region, accountId, 'GET', '/'),
  }
  return deepMerge<APIGatewayTokenAuthorizerEvent>(base, eventPatch(partial))
}

/**
 * `events['apigw-authorizer-request']`: a REST API REQUEST authorizer request for `GET /`.
 *
 * @example
 * events['apigw-authorizer-request']({ headers: { Authorization: 'Bearer abc' } })
 */
export function apigwAuthorizerRequestFromPartial(
  partial: Overrides<APIGatewayRequestAuthorizerEvent> = {},
): APIGatewayRequestAuthorizerEvent {
  const { region, accountId, now } = eventSource(partial)
  const method = partial.httpMethod ?? 'GET'
  const path = partial.path ?? '/'
  const apiId = randomBytes(5).toString('hex')
  const headers = {
    Authorization: `Bearer ${randomBytes(24).toString('base64url')}`,
    Host: `${apiId}.execute-api.${region}.amazonaws.com`,
  }
  const base: APIGatewayRequestAuthorizerEvent = {
    type: 'REQUEST',
    methodArn: methodArn(region, accountId, method, path),
    resource: path,
    path,
    httpMethod: method,
    headers,
    multiValueHeaders: { Authorization: [headers.Authorization], Host: [headers.Host] },
    pathParameters: {},
    queryStringParameters: {},
    multiValueQueryStringParameters: {},
    stageVariables: {},
    requestContext: {
      accountId,
      apiId,
      authorizer: undefined,
      httpMethod: method,
      identity: restIdentity(SOURCE_IP, USER_AGENT),
      path: `/prod${path}`,
      protocol: 'HTTP/1.1',
      requestId: randomUUID(),
      requestTimeEpoch: now,
      resourceId: randomBytes(3).toString('hex'),
      resourcePath: path,
      stage: 'prod',
    },
  }
  return deepMerge<APIGatewayRequestAuthorizerEvent>(base, eventPatch(partial))
}
