import * as z from 'zod'
import { lazy } from '../lazy.ts'
import { sourceSchema } from '../source-schema.ts'
import { clientCertSchema, stringRecord } from './http-common.ts'
import { validApigwHttp, validFunctionUrl } from './precompiled.ts'

// AWS documentation: HTTP API payload format 2.0,
// https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html
// and the Lambda function URL request payload (same format; null where HTTP APIs leave a field out),
// https://docs.aws.amazon.com/lambda/latest/dg/urls-invocation.html#urls-payloads

const httpShape = lazy(() =>
  z.looseObject({
    method: z.string(),
    path: z.string(),
    protocol: z.string(),
    sourceIp: z.string(),
    userAgent: z.string(),
  }),
)

/**
 * `requestContext.authorizer` of an HTTP API or function URL event: `jwt`, `lambda` or `iam`, by authorizer kind.
 *
 * @example
 * httpAuthorizerSchema.parse(event.requestContext.authorizer).jwt?.claims.sub
 */
export const httpAuthorizerSchema = lazy(() =>
  z.looseObject({
    jwt: z
      .looseObject({
        claims: z.record(z.string(), z.unknown()),
        scopes: z.array(z.string()).nullish(),
      })
      .optional(),
    lambda: z.record(z.string(), z.unknown()).nullish(),
    iam: z.record(z.string(), z.unknown()).optional(),
    principalId: z.string().nullish(),
    integrationLatency: z.number().nullish(),
  }),
)

const requestContextShape = lazy(() => ({
  accountId: z.string(),
  apiId: z.string(),
  // mutual TLS only
  authentication: z.looseObject({ clientCert: clientCertSchema }).optional(),
  authorizer: httpAuthorizerSchema.optional(),
  domainName: z.string(),
  domainPrefix: z.string(),
  http: httpShape,
  requestId: z.string(),
  routeKey: z.string(),
  stage: z.string(),
  time: z.string(),
  timeEpoch: z.number(),
}))

const eventShape = lazy(() => ({
  version: z.literal('2.0'),
  routeKey: z.string(),
  rawPath: z.string(),
  rawQueryString: z.string(),
  cookies: z.array(z.string()).optional(),
  headers: stringRecord,
  queryStringParameters: stringRecord.optional(),
  pathParameters: stringRecord.optional(),
  stageVariables: stringRecord.optional(),
  body: z.string().optional(),
  isBase64Encoded: z.boolean(),
}))

/**
 * An API Gateway HTTP API event, payload format 2.0 (source id `apigw-http`). Headers are lower-cased, repeated
 * ones comma-joined; absent query, path and stage parameters and body are left out.
 *
 * @example
 * const event: ApigwHttpEvent = apigwHttpSchema.parse(input)
 * event.requestContext.http.method // 'POST'
 */
export const apigwHttpSchema = sourceSchema('apigw-http', validApigwHttp, () =>
  z.looseObject({
    ...eventShape,
    requestContext: z.looseObject(requestContextShape),
  }),
)

/**
 * The type of {@link apigwHttpSchema}; assignable to `APIGatewayProxyEventV2` from `@types/aws-lambda`.
 *
 * @example
 * const path = (event: ApigwHttpEvent) => event.rawPath
 */
export type ApigwHttpEvent = z.output<typeof apigwHttpSchema>

/**
 * A Lambda function URL event (source id `function-url`): payload format 2.0 on a
 * `<url-id>.lambda-url.<region>.on.aws` domain. `routeKey` and `stage` are `$default` (absent from early samples).
 *
 * @example
 * const event: FunctionUrlEvent = functionUrlSchema.parse(input)
 * event.requestContext.domainName // 'abc.lambda-url.us-east-1.on.aws'
 */
export const functionUrlSchema = sourceSchema('function-url', validFunctionUrl, () =>
  z.looseObject({
    ...eventShape,
    routeKey: z.string().optional(),
    // documented as null: a function URL has no path or stage variables
    pathParameters: stringRecord.nullish(),
    stageVariables: stringRecord.nullish(),
    requestContext: z.looseObject({
      ...requestContextShape,
      // null without mutual TLS
      authentication: z.looseObject({ clientCert: clientCertSchema }).nullish(),
      routeKey: z.string().optional(),
      stage: z.string().optional(),
    }),
  }),
)

/**
 * The type of {@link functionUrlSchema}; matches `LambdaFunctionURLEvent` except that `routeKey` and `stage`
 * may be absent.
 *
 * @example
 * const ip = (event: FunctionUrlEvent) => event.requestContext.http.sourceIp
 */
export type FunctionUrlEvent = z.output<typeof functionUrlSchema>
