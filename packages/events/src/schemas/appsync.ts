import * as z from 'zod'
import { lazy } from '../lazy.ts'
import { sourceSchema } from '../source-schema.ts'
import { validAppsync, validAppsyncAuthorizer } from './precompiled.ts'

// AWS documentation of this event:
// resolvers: https://docs.aws.amazon.com/appsync/latest/devguide/resolver-context-reference-js.html
// authorizers: https://docs.aws.amazon.com/appsync/latest/devguide/security-authz.html

/**
 * The caller as AppSync resolved it, by authorization mode: IAM, Cognito user pools, OIDC or a Lambda
 * authorizer's `resolverContext`; `null` for API keys.
 *
 * @example
 * appsyncIdentitySchema.parse(event.identity)
 */
export const appsyncIdentitySchema = lazy(() =>
  z
    .union([
      z.looseObject({
        sub: z.string(),
        issuer: z.string(),
        username: z.string(),
        claims: z.record(z.string(), z.unknown()),
        sourceIp: z.array(z.string()),
        defaultAuthStrategy: z.string(),
        groups: z.array(z.string()).nullish(),
      }),
      z.looseObject({
        accountId: z.string(),
        cognitoIdentityPoolId: z.string().nullable(),
        cognitoIdentityId: z.string().nullable(),
        sourceIp: z.array(z.string()),
        username: z.string(),
        userArn: z.string(),
        cognitoIdentityAuthType: z.string().nullable(),
        cognitoIdentityAuthProvider: z.string().nullable(),
      }),
      z.looseObject({ sub: z.string(), issuer: z.string(), claims: z.record(z.string(), z.unknown()) }),
      z.looseObject({ resolverContext: z.record(z.string(), z.unknown()) }),
    ])
    .nullish(),
)

/**
 * An AppSync direct Lambda resolver invocation (source id `appsync`). Batch resolvers receive an array of these:
 * parse those with `z.array(appsyncSchema)`.
 *
 * @example
 * const event: AppsyncEvent = appsyncSchema.parse(input)
 * event.info.fieldName // 'getOrder'
 */
export const appsyncSchema = sourceSchema('appsync', validAppsync, () =>
  z.looseObject({
    arguments: z.record(z.string(), z.unknown()),
    identity: appsyncIdentitySchema,
    source: z.record(z.string(), z.unknown()).nullable(),
    request: z.looseObject({
      headers: z.record(z.string(), z.string()),
      domainName: z.string().nullable(),
    }),
    info: z.looseObject({
      selectionSetList: z.array(z.string()),
      selectionSetGraphQL: z.string(),
      parentTypeName: z.string(),
      fieldName: z.string(),
      variables: z.record(z.string(), z.unknown()),
    }),
    prev: z.looseObject({ result: z.unknown() }).nullable(),
    stash: z.record(z.string(), z.unknown()),
  }),
)

/**
 * The type of {@link appsyncSchema}; assignable to `AppSyncResolverEvent<Record<string, unknown>>`.
 *
 * @example
 * const field = (event: AppsyncEvent) => `${event.info.parentTypeName}.${event.info.fieldName}`
 */
export type AppsyncEvent = z.output<typeof appsyncSchema>

/**
 * An AppSync Lambda authorizer request (source id `appsync-authorizer`).
 *
 * @example
 * const event: AppsyncAuthorizerEvent = appsyncAuthorizerSchema.parse(input)
 * return { isAuthorized: await verify(event.authorizationToken) }
 */
export const appsyncAuthorizerSchema = sourceSchema('appsync-authorizer', validAppsyncAuthorizer, () =>
  z.looseObject({
    authorizationToken: z.string(),
    requestContext: z.looseObject({
      apiId: z.string(),
      accountId: z.string(),
      requestId: z.string(),
      queryString: z.string(),
      operationName: z.string().optional(),
      variables: z.record(z.string(), z.unknown()),
    }),
    // sent by AppSync today; absent from AWS's first sample
    requestHeaders: z.record(z.string(), z.string()).optional(),
  }),
)

/**
 * The type of {@link appsyncAuthorizerSchema}; matches `AppSyncAuthorizerEvent` except that `requestHeaders`
 * may be absent.
 *
 * @example
 * const token = (event: AppsyncAuthorizerEvent) => event.authorizationToken
 */
export type AppsyncAuthorizerEvent = z.output<typeof appsyncAuthorizerSchema>
