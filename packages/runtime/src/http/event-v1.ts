import { randomBytes } from 'node:crypto'
import { requestTime, restIdentity } from '@sluice/testing'
import {
  eventBody,
  headerOf,
  isTextBody,
  matchesMediaType,
  mediaType,
  multiValues,
  queryPairs,
  singleValues,
} from './http-fields.ts'
import { forwardedHeaders, hostName, type RequestFacts } from './request-facts.ts'

const orNull = <T extends object>(value: T): T | null => (Object.keys(value).length > 0 ? value : null)

/**
 * The REST API (payload 1.0) proxy event: headers with their names as sent, `headers` keeping the last value
 * of a repeated one and `multiValueHeaders` all of them (the same for the decoded query); `null` for what is
 * absent; a body that is base64 only when its content type is one of the API's `binaryMediaTypes`.
 *
 * @example
 * restEvent(facts).multiValueQueryStringParameters // { tag: ['a', 'b'] }
 */
export function restEvent(facts: RequestFacts) {
  const { request, match } = facts
  const route = match.route
  const pairs = forwardedHeaders(facts)
  const query = queryPairs(request.rawQueryString, true)
  const contentType = mediaType(headerOf(request.headers, 'content-type'))
  const binary = contentType !== '' && matchesMediaType(contentType, route.route.binaryMediaTypes ?? [])
  const domainName = hostName(request)
  const userAgent = headerOf(request.headers, 'user-agent') ?? null
  const resource = route.route.path
  const { body, isBase64Encoded } = eventBody(request, !binary)
  return {
    resource,
    path: request.rawPath,
    httpMethod: request.method,
    headers: singleValues(pairs, false, 'last'),
    multiValueHeaders: multiValues(pairs, false),
    queryStringParameters: orNull(singleValues(query, false, 'last')),
    multiValueQueryStringParameters: orNull(multiValues(query, false)),
    pathParameters: orNull({ ...match.pathParameters }),
    stageVariables: null,
    requestContext: {
      accountId: facts.accountId,
      apiId: facts.apiId,
      // No authorizer locally; the key stays out of the JSON, as in AWS without one.
      authorizer: undefined,
      domainName,
      domainPrefix: domainName.split('.')[0] ?? domainName,
      extendedRequestId: `${randomBytes(10).toString('base64url').slice(0, 14)}=`,
      httpMethod: request.method,
      identity: restIdentity(request.sourceIp, userAgent),
      path: request.rawPath,
      protocol: request.protocol,
      requestId: facts.requestId,
      requestTime: requestTime(request.receivedAt),
      requestTimeEpoch: request.receivedAt,
      resourceId: facts.apiId.slice(0, 6),
      resourcePath: resource,
      stage: route.stage,
    },
    body: body ?? null,
    isBase64Encoded,
  }
}

/**
 * The ALB event: lower-cased header names, the query as sent (ALB does not decode it), and either single-value
 * maps (the last of a repeated name wins) or, with the target group's multi-value headers on, only the
 * `multiValue…` maps. The body is `''` when there is none.
 *
 * @example
 * albEvent(facts).requestContext.elb.targetGroupArn // 'arn:aws:elasticloadbalancing:…:targetgroup/…'
 */
export function albEvent(facts: RequestFacts) {
  const { request, match } = facts
  const pairs = forwardedHeaders(facts)
  const query = queryPairs(request.rawQueryString, false)
  const name = `sluice-${facts.apiId.slice(0, 8)}`
  const targetGroupArn = `arn:aws:elasticloadbalancing:${facts.region}:${facts.accountId}:targetgroup/${name}/${facts.apiId.slice(0, 16).padEnd(16, '0')}`
  const maps =
    match.route.route.multiValueHeaders === true
      ? {
          multiValueQueryStringParameters: multiValues(query, false),
          multiValueHeaders: multiValues(pairs, true),
        }
      : {
          queryStringParameters: singleValues(query, false, 'last'),
          headers: singleValues(pairs, true, 'last'),
        }
  const { body, isBase64Encoded } = eventBody(request, isTextBody(headerOf(request.headers, 'content-type')))
  return {
    requestContext: { elb: { targetGroupArn } },
    httpMethod: request.method,
    path: request.rawPath,
    ...maps,
    body: body ?? '',
    isBase64Encoded,
  }
}
