import { requestTime } from '@sluice/testing'
import { cookiesOf, eventBody, headerOf, isTextBody, queryPairs, singleValues } from './http-fields.ts'
import { forwardedHeaders, hostName, type RequestFacts } from './request-facts.ts'

/**
 * The payload format 2.0 event an HTTP API (or, with `functionUrl`, a Function URL) builds from a request:
 * lower-cased headers with repeats comma-joined and `Cookie` moved to `cookies`, decoded query parameters with
 * repeats comma-joined, the raw path and query as sent, and a body that is base64 unless its content type is text.
 * Fields AWS leaves out when empty (cookies, query and path parameters, body) are left out.
 *
 * @example
 * const event = payloadV2Event(facts)
 * event.requestContext.http.method // 'POST'
 */
export function payloadV2Event(facts: RequestFacts) {
  const { request, match } = facts
  const functionUrl = match.route.type === 'function-url'
  const rawPath = match.innerPath ?? request.rawPath
  const pairs = forwardedHeaders(facts).filter(([name]) => name.toLowerCase() !== 'cookie')
  const headers = singleValues(pairs, true, 'join')
  const cookies = cookiesOf(request.headers)
  const query = queryPairs(request.rawQueryString, true)
  const routeKey = functionUrl ? '$default' : match.route.routeKey
  const domainName = functionUrl ? `${facts.apiId}.lambda-url.${facts.region}.on.aws` : hostName(request)
  const hasParameters = Object.keys(match.pathParameters).length > 0
  return {
    version: '2.0' as const,
    routeKey,
    rawPath,
    rawQueryString: request.rawQueryString,
    ...(cookies.length > 0 ? { cookies } : {}),
    headers,
    ...(query.length > 0 ? { queryStringParameters: singleValues(query, false, 'join') } : {}),
    ...(hasParameters ? { pathParameters: { ...match.pathParameters } } : {}),
    requestContext: {
      // A Function URL with auth type NONE reports an anonymous caller.
      accountId: functionUrl ? 'anonymous' : facts.accountId,
      apiId: facts.apiId,
      domainName,
      domainPrefix: domainName.split('.')[0] ?? domainName,
      http: {
        method: request.method,
        path: rawPath,
        protocol: request.protocol,
        sourceIp: request.sourceIp,
        userAgent: headerOf(request.headers, 'user-agent') ?? '',
      },
      requestId: facts.requestId,
      routeKey,
      stage: functionUrl ? '$default' : match.route.stage,
      time: requestTime(request.receivedAt),
      timeEpoch: request.receivedAt,
    },
    ...eventBody(request, isTextBody(headerOf(request.headers, 'content-type'))),
  }
}
