import { randomBytes } from 'node:crypto'
import type { APIGatewayProxyEventV2, LambdaFunctionURLEvent } from 'aws-lambda'
import { eventSource } from './common.ts'
import { type DeepPartial, deepMerge } from './deep-merge.ts'
import { bodyText, type HttpPartial, requestTime, SOURCE_IP, traceId, USER_AGENT } from './http-body.ts'

/**
 * Options of `events['apigw-http']` (and `events['function-url']`): a deep partial of the event (`rawPath`,
 * `headers`, `cookies`, `pathParameters`, `routeKey`, …, and a `body` that takes any JSON value), plus shortcuts
 * for the request line.
 *
 * @example
 * const options: ApigwHttpPartial = { method: 'POST', path: '/orders', query: { dry: '1' }, body: { sku: 'A1' } }
 */
export type ApigwHttpPartial<$Event extends APIGatewayProxyEventV2 = APIGatewayProxyEventV2> =
  HttpPartial<$Event> & {
    /** The request method (upper-cased for you); default `GET`. */
    method?: string
    /** The request path (`rawPath` and `requestContext.http.path`); default `/`. */
    path?: string
    /** Query parameters: `queryStringParameters` and `rawQueryString` from one object. */
    query?: Record<string, string>
  }

/**
 * `events['apigw-http']`: an API Gateway HTTP API event (payload format 2.0), with lower-cased headers,
 * `rawQueryString`, and a complete `requestContext`. Fields HTTP APIs omit when empty (body, query, cookies) are
 * omitted; a non-string body is sent as JSON with `content-type: application/json`.
 *
 * @example
 * const event = events['apigw-http']({ method: 'POST', path: '/orders', body: { sku: 'A1' }, query: { dry: '1' } })
 * event.requestContext.http.method // 'POST'
 * event.rawQueryString // 'dry=1'
 */
export function apigwHttpFromPartial(partial: ApigwHttpPartial = {}): APIGatewayProxyEventV2 {
  const { region, accountId, now } = eventSource(partial)
  const { method: _, path: __, query, body: ___, headers: overrideHeaders, ...patch } = partial
  const { region: _r, accountId: _a, clock: _c, ...rest } = patch
  const method = (partial.method ?? partial.requestContext?.http?.method ?? 'GET').toUpperCase()
  const path = partial.path ?? partial.rawPath ?? '/'
  const routeKey = partial.routeKey ?? '$default'
  const apiId = randomBytes(5).toString('hex')
  const domainName = `${apiId}.execute-api.${region}.amazonaws.com`
  const { text, json } = bodyText(partial.body)
  const headers: Record<string, string> = {
    accept: '*/*',
    host: domainName,
    'user-agent': USER_AGENT,
    'x-amzn-trace-id': traceId(now),
    'x-forwarded-for': SOURCE_IP,
    'x-forwarded-port': '443',
    'x-forwarded-proto': 'https',
    ...(text !== undefined && { 'content-length': String(Buffer.byteLength(text)) }),
    ...(json && { 'content-type': 'application/json' }),
  }
  for (const [name, value] of Object.entries(overrideHeaders ?? {}))
    if (value !== undefined) headers[name.toLowerCase()] = value
  const base: APIGatewayProxyEventV2 = {
    version: '2.0',
    routeKey,
    rawPath: path,
    rawQueryString: new URLSearchParams(query).toString(),
    headers,
    ...(query && { queryStringParameters: { ...query } }),
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
      routeKey,
      stage: '$default',
      time: requestTime(now),
      timeEpoch: now,
    },
    ...(text !== undefined && { body: text }),
    isBase64Encoded: false,
  }
  return deepMerge<APIGatewayProxyEventV2>(base, rest as DeepPartial<APIGatewayProxyEventV2>)
}

/**
 * `events['function-url']`: a function URL event: payload 2.0 on a `lambda-url` domain with IAM auth info; takes
 * the options of `events['apigw-http']`.
 *
 * @example
 * events['function-url']({ rawPath: '/hook' }).requestContext.domainName // '….lambda-url.us-east-1.on.aws'
 */
export function functionUrlFromPartial(
  partial: ApigwHttpPartial<LambdaFunctionURLEvent> = {},
): LambdaFunctionURLEvent {
  const { region, accountId } = eventSource(partial)
  const urlId = randomBytes(16).toString('hex')
  const domainName = `${urlId}.lambda-url.${region}.on.aws`
  const base = apigwHttpFromPartial({ ...partial, requestContext: undefined, headers: undefined })
  return deepMerge<LambdaFunctionURLEvent>(
    {
      ...base,
      headers: { ...base.headers, host: domainName },
      requestContext: {
        ...base.requestContext,
        apiId: urlId,
        domainName,
        domainPrefix: urlId,
        authorizer: {
          iam: {
            accessKey: 'AKIAIOSFODNN7EXAMPLE',
            accountId,
            callerId: 'AIDACKCEVSQ6C2EXAMPLE',
            userArn: `arn:aws:iam::${accountId}:user/sluice`,
            userId: 'AIDACKCEVSQ6C2EXAMPLE',
          },
        },
      } as LambdaFunctionURLEvent['requestContext'],
    },
    {
      headers: partial.headers,
      requestContext: partial.requestContext,
    } as DeepPartial<LambdaFunctionURLEvent>,
  )
}
