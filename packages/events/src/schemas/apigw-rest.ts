import * as z from 'zod'
import { lazy } from '../lazy.ts'
import { sourceSchema } from '../source-schema.ts'
import { identitySchema, stringListRecord, stringRecord } from './http-common.ts'
import { validApigwRest } from './precompiled.ts'

// AWS documentation: REST API proxy input format,
// https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-lambda-proxy-integrations.html#api-gateway-simple-proxy-for-lambda-input-format
// and HTTP API payload format 1.0 (same shape, `resourceId: null`),
// https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html

/**
 * `requestContext` of a REST API (payload format 1.0) proxy event.
 *
 * @example
 * apigwRestRequestContextSchema.parse(event.requestContext).identity.sourceIp
 */
export const apigwRestRequestContextSchema = lazy(() =>
  z.looseObject({
    accountId: z.string(),
    apiId: z.string(),
    // null or absent without an authorizer; Cognito puts `claims` here, Lambda authorizers their context
    authorizer: z.record(z.string(), z.unknown()).nullish(),
    domainName: z.string().optional(),
    domainPrefix: z.string().optional(),
    extendedRequestId: z.string().optional(),
    httpMethod: z.string(),
    identity: identitySchema,
    // absent from AWS's oldest REST samples
    path: z.string().optional(),
    protocol: z.string().optional(),
    requestId: z.string(),
    requestTime: z.string().optional(),
    requestTimeEpoch: z.number(),
    // null in HTTP API payload format 1.0 events
    resourceId: z.string().nullable(),
    resourcePath: z.string(),
    stage: z.string(),
  }),
)

/**
 * An API Gateway REST API proxy event, payload format 1.0 (source id `apigw-rest`). Absent query, path and
 * stage parameters are `null`; `body` is `null` without a body and base64 when `isBase64Encoded`.
 *
 * @example
 * const event: ApigwRestEvent = apigwRestSchema.parse(input)
 * event.queryStringParameters?.page
 */
export const apigwRestSchema = sourceSchema('apigw-rest', validApigwRest, () =>
  z.looseObject({
    resource: z.string(),
    path: z.string(),
    httpMethod: z.string(),
    // null when invoked from the console's Test tab without headers
    headers: stringRecord.nullable(),
    // the multi-value maps are absent from events older than them (AWS's first proxy samples)
    multiValueHeaders: stringListRecord.nullish(),
    queryStringParameters: stringRecord.nullable(),
    multiValueQueryStringParameters: stringListRecord.nullish(),
    pathParameters: stringRecord.nullable(),
    stageVariables: stringRecord.nullable(),
    requestContext: apigwRestRequestContextSchema,
    body: z.string().nullable(),
    // always sent by API Gateway today; absent from older samples, and read as false then
    isBase64Encoded: z.boolean().optional(),
  }),
)

/**
 * The type of {@link apigwRestSchema}; matches `APIGatewayProxyEvent` except for the documented
 * relaxations (`headers` may be null, `isBase64Encoded`, `authorizer` and identity fields may be absent).
 *
 * @example
 * const method = (event: ApigwRestEvent) => event.httpMethod
 */
export type ApigwRestEvent = z.output<typeof apigwRestSchema>
