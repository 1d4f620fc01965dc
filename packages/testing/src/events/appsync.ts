import { randomBytes, randomUUID } from 'node:crypto'
import type { AppSyncAuthorizerEvent, AppSyncResolverEvent } from 'aws-lambda'
import { eventSource } from './common.ts'
import { deepMerge, eventPatch, type Overrides } from './deep-merge.ts'

/**
 * `events.appsync`: a direct Lambda resolver call for `Query.getOrder(id)` by a Cognito user.
 *
 * @example
 * events.appsync({ arguments: { id: 'o-2' } })
 */
export function appsyncFromPartial(
  partial: Overrides<AppSyncResolverEvent<Record<string, unknown>>> = {},
): AppSyncResolverEvent<Record<string, unknown>> {
  const { region } = eventSource(partial)
  const sub = randomUUID()
  const issuer = `https://cognito-idp.${region}.amazonaws.com/${region}_${randomBytes(6).toString('base64url').slice(0, 9)}`
  const base: AppSyncResolverEvent<Record<string, unknown>> = {
    arguments: { id: 'o-1' },
    identity: {
      sub,
      issuer,
      username: 'ada',
      claims: { sub, iss: issuer, 'cognito:username': 'ada', token_use: 'id' },
      sourceIp: ['203.0.113.10'],
      defaultAuthStrategy: 'ALLOW',
      groups: null,
    },
    source: null,
    request: { headers: { 'content-type': 'application/json' }, domainName: null },
    info: {
      selectionSetList: ['id', 'total'],
      selectionSetGraphQL: '{\n  id\n  total\n}',
      parentTypeName: 'Query',
      fieldName: 'getOrder',
      variables: {},
    },
    prev: null,
    stash: {},
  }
  return deepMerge<AppSyncResolverEvent<Record<string, unknown>>>(base, eventPatch(partial))
}

/**
 * `events['appsync-authorizer']`: an AppSync Lambda authorizer request for a query.
 *
 * @example
 * events['appsync-authorizer']({ authorizationToken: 'token' })
 */
export function appsyncAuthorizerFromPartial(
  partial: Overrides<AppSyncAuthorizerEvent> = {},
): AppSyncAuthorizerEvent {
  const { accountId } = eventSource(partial)
  const base: AppSyncAuthorizerEvent = {
    authorizationToken: randomBytes(24).toString('base64url'),
    requestContext: {
      apiId: randomBytes(13).toString('hex').slice(0, 26),
      accountId,
      requestId: randomUUID(),
      queryString: 'query GetOrder { getOrder(id: "o-1") { id } }',
      operationName: 'GetOrder',
      variables: {},
    },
    requestHeaders: { authorization: 'token', 'content-type': 'application/json' },
  }
  return deepMerge<AppSyncAuthorizerEvent>(base, eventPatch(partial))
}
