import { randomBytes, randomUUID } from 'node:crypto'
import type {
  ALBEvent,
  APIGatewayProxyEvent,
  APIGatewayProxyEventV2,
  APIGatewayProxyWebsocketEventV2,
  LambdaFunctionURLEvent,
} from 'aws-lambda'
import { apiGatewayHttpEvent, requestTime } from './api-gateway-http.ts'
import { type EventSourceOptions, eventSource } from './common.ts'
import { type DeepPartial, deepMerge } from './deep-merge.ts'
import { type BodyOption, bodyText, restIdentity } from './http-body.ts'

const SOURCE_IP = '203.0.113.10'
const USER_AGENT = 'sluice-testing'

/**
 * Overrides of an HTTP event whose `body` also takes a JSON value. */
export type HttpPartial<$Event> = EventSourceOptions &
  Omit<DeepPartial<$Event>, 'body'> & { body?: BodyOption }

const traceId = (now: number) =>
  `Root=1-${Math.floor(now / 1000).toString(16)}-${randomBytes(12).toString('hex')}`

/**
 * `events['apigw-rest']`: a REST API proxy event (payload 1.0), `GET /` unless overridden.
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

/**
 * `events['apigw-http']`: an HTTP API event (payload 2.0), built by `apiGatewayHttpEvent` then overridden.
 *
 * @example
 * events['apigw-http']({ rawPath: '/orders', body: { sku: 'A1' } })
 */
export function apigwHttpFromPartial(
  partial: HttpPartial<APIGatewayProxyEventV2> = {},
): APIGatewayProxyEventV2 {
  const { body, region, accountId, clock, ...rest } = partial
  const base = apiGatewayHttpEvent({
    region,
    accountId,
    clock,
    method: partial.requestContext?.http?.method,
    path: partial.rawPath,
    ...(body !== undefined && { body: typeof body === 'string' ? body : bodyJson(body) }),
  })
  return deepMerge<APIGatewayProxyEventV2>(base, rest as DeepPartial<APIGatewayProxyEventV2>)
}

// apiGatewayHttpEvent takes objects and arrays; scalars go through as JSON text
const bodyJson = (body: Exclude<BodyOption, string>) =>
  typeof body === 'object' && body !== null ? body : JSON.stringify(body)

/**
 * `events['function-url']`: a function URL event: payload 2.0 on a `lambda-url` domain with IAM auth info.
 *
 * @example
 * events['function-url']({ rawPath: '/hook' }).requestContext.domainName // '….lambda-url.us-east-1.on.aws'
 */
export function functionUrlFromPartial(
  partial: HttpPartial<LambdaFunctionURLEvent> = {},
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

/**
 * `events['apigw-websocket']`: a WebSocket MESSAGE event (override `requestContext.eventType` for the others).
 *
 * @example
 * events['apigw-websocket']({ requestContext: { eventType: 'CONNECT', routeKey: '$connect' } })
 */
export function apigwWebsocketFromPartial(
  partial: HttpPartial<APIGatewayProxyWebsocketEventV2> = {},
): APIGatewayProxyWebsocketEventV2 {
  const { region, now } = eventSource(partial)
  const apiId = randomBytes(5).toString('hex')
  const { text } = bodyText(partial.body ?? { action: 'sendmessage', data: 'hello' })
  const base = {
    requestContext: {
      routeKey: '$default',
      messageId: `${randomBytes(10).toString('base64').slice(0, 14)}=`,
      eventType: 'MESSAGE' as const,
      extendedRequestId: `${randomBytes(10).toString('base64').slice(0, 14)}=`,
      requestTime: requestTime(now),
      messageDirection: 'IN' as const,
      stage: 'prod',
      connectedAt: now - 5000,
      requestTimeEpoch: now,
      identity: { sourceIp: SOURCE_IP, userAgent: USER_AGENT },
      requestId: `${randomBytes(10).toString('base64').slice(0, 14)}=`,
      domainName: `${apiId}.execute-api.${region}.amazonaws.com`,
      connectionId: `${randomBytes(10).toString('base64').slice(0, 14)}=`,
      apiId,
    },
    body: text,
    isBase64Encoded: false,
  }
  const { body: _, region: __, accountId: ___, clock: ____, ...rest } = partial
  return deepMerge<APIGatewayProxyWebsocketEventV2>(
    base,
    rest as DeepPartial<APIGatewayProxyWebsocketEventV2>,
  )
}

/**
 * `events.alb`: an ALB request to a Lambda target (single-value headers), `GET /` unless overridden.
 *
 * @example
 * events.alb({ httpMethod: 'POST', body: { sku: 'A1' } })
 */
export function albFromPartial(partial: HttpPartial<ALBEvent> = {}): ALBEvent {
  const { region, accountId, now } = eventSource(partial)
  const { text, json } = bodyText(partial.body)
  const base: ALBEvent = {
    requestContext: {
      elb: {
        targetGroupArn: `arn:aws:elasticloadbalancing:${region}:${accountId}:targetgroup/sluice-target/${randomBytes(8).toString('hex')}`,
      },
    },
    httpMethod: 'GET',
    path: '/',
    queryStringParameters: {},
    headers: {
      accept: '*/*',
      host: `sluice-alb-${randomBytes(4).readUInt32BE()}.${region}.elb.amazonaws.com`,
      'user-agent': USER_AGENT,
      'x-amzn-trace-id': traceId(now),
      'x-forwarded-for': SOURCE_IP,
      'x-forwarded-port': '443',
      'x-forwarded-proto': 'https',
      ...(json && { 'content-type': 'application/json' }),
    },
    body: text ?? '',
    isBase64Encoded: false,
  }
  const { body: _, region: __, accountId: ___, clock: ____, ...rest } = partial
  return deepMerge<ALBEvent>(base, rest as DeepPartial<ALBEvent>)
}
