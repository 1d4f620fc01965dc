import * as z from 'zod'
import { lazy } from '../lazy.ts'
import { sourceSchema } from '../source-schema.ts'
import { clientCertSchema, identitySchema, stringListRecord, stringRecord } from './http-common.ts'
import { validApigwAuthorizerRequest, validApigwAuthorizerToken } from './precompiled.ts'

// AWS documentation: REST API Lambda authorizer input,
// https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-lambda-authorizer-input.html
// and HTTP API Lambda authorizers (payload formats 1.0 and 2.0),
// https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-lambda-authorizer.html

/**
 * A REST API TOKEN authorizer request (source id `apigw-authorizer-token`): the caller's token and the ARN of
 * the method being called.
 *
 * @example
 * const event: ApigwAuthorizerTokenEvent = apigwAuthorizerTokenSchema.parse(input)
 * verify(event.authorizationToken)
 */
export const apigwAuthorizerTokenSchema = sourceSchema(
  'apigw-authorizer-token',
  validApigwAuthorizerToken,
  () =>
    z.looseObject({
      type: z.literal('TOKEN'),
      authorizationToken: z.string(),
      methodArn: z.string(),
    }),
)

/**
 * The type of {@link apigwAuthorizerTokenSchema}; assignable to `APIGatewayTokenAuthorizerEvent`.
 *
 * @example
 * const token = (event: ApigwAuthorizerTokenEvent) => event.authorizationToken
 */
export type ApigwAuthorizerTokenEvent = z.output<typeof apigwAuthorizerTokenSchema>

// REST request authorizers, and HTTP API authorizers with payload format 1.0 (which add version,
// identitySource and authorizationToken)
const requestV1 = lazy(() =>
  z.looseObject({
    version: z.literal('1.0').optional(),
    type: z.literal('REQUEST'),
    methodArn: z.string(),
    identitySource: z.string().optional(),
    authorizationToken: z.string().optional(),
    resource: z.string(),
    path: z.string(),
    httpMethod: z.string(),
    headers: stringRecord.nullable(),
    // absent from HTTP API payload 1.0
    multiValueHeaders: stringListRecord.nullish(),
    pathParameters: stringRecord.nullable(),
    queryStringParameters: stringRecord.nullable(),
    multiValueQueryStringParameters: stringListRecord.nullish(),
    stageVariables: stringRecord.nullable(),
    requestContext: z.looseObject({
      accountId: z.string(),
      apiId: z.string(),
      httpMethod: z.string(),
      identity: identitySchema,
      path: z.string(),
      requestId: z.string(),
      // null from HTTP API authorizers with payload format 1.0
      resourceId: z.string().nullable(),
      resourcePath: z.string(),
      stage: z.string(),
      protocol: z.string().optional(),
      requestTimeEpoch: z.number().optional(),
    }),
  }),
)

// HTTP API authorizers with payload format 2.0
const requestV2 = lazy(() =>
  z.looseObject({
    version: z.literal('2.0'),
    type: z.literal('REQUEST'),
    routeArn: z.string(),
    identitySource: z.array(z.string()).nullable(),
    routeKey: z.string(),
    rawPath: z.string(),
    rawQueryString: z.string(),
    cookies: z.array(z.string()).optional(),
    headers: stringRecord.optional(),
    queryStringParameters: stringRecord.optional(),
    pathParameters: stringRecord.optional(),
    stageVariables: stringRecord.optional(),
    requestContext: z.looseObject({
      accountId: z.string(),
      apiId: z.string(),
      authentication: z.looseObject({ clientCert: clientCertSchema }).optional(),
      domainName: z.string(),
      domainPrefix: z.string(),
      http: z.looseObject({
        method: z.string(),
        path: z.string(),
        protocol: z.string(),
        sourceIp: z.string(),
        userAgent: z.string(),
      }),
      requestId: z.string(),
      routeKey: z.string(),
      stage: z.string(),
      time: z.string(),
      timeEpoch: z.number(),
    }),
  }),
)

// WebSocket API authorizers, on $connect only: no resource, path or HTTP method; a WebSocket requestContext
// (https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-websocket-api-lambda-auth.html)
const requestWebsocket = lazy(() =>
  z.looseObject({
    type: z.literal('REQUEST'),
    methodArn: z.string(),
    headers: stringRecord.nullish(),
    multiValueHeaders: stringListRecord.nullish(),
    queryStringParameters: stringRecord.nullish(),
    multiValueQueryStringParameters: stringListRecord.nullish(),
    stageVariables: stringRecord.nullish(),
    requestContext: z.looseObject({
      routeKey: z.string(),
      eventType: z.literal('CONNECT'),
      connectionId: z.string(),
      apiId: z.string(),
      domainName: z.string(),
      requestId: z.string(),
      stage: z.string(),
      identity: identitySchema,
      connectedAt: z.number().optional(),
      requestTimeEpoch: z.number().optional(),
    }),
  }),
)

/**
 * A REQUEST authorizer request (source id `apigw-authorizer-request`): a REST API request authorizer, an HTTP
 * API authorizer, payload format 1.0 (`methodArn`) or 2.0 (`version: '2.0'`, `routeArn`), or a WebSocket API
 * authorizer on `$connect` (`requestContext.eventType: 'CONNECT'`, no `resource`).
 *
 * @example
 * const event = apigwAuthorizerRequestSchema.parse(input)
 * const arn = 'routeArn' in event ? event.routeArn : event.methodArn
 */
export const apigwAuthorizerRequestSchema = sourceSchema(
  'apigw-authorizer-request',
  validApigwAuthorizerRequest,
  () => z.union([requestV2, requestV1, requestWebsocket]),
)

/**
 * The type of {@link apigwAuthorizerRequestSchema}: `APIGatewayRequestAuthorizerEvent` (1.0; WebSocket
 * authorizers too) or `APIGatewayRequestAuthorizerEventV2` (2.0), with the documented relaxations.
 *
 * @example
 * const headers = (event: ApigwAuthorizerRequestEvent) => event.headers
 */
export type ApigwAuthorizerRequestEvent = z.output<typeof apigwAuthorizerRequestSchema>
