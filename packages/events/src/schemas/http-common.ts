import * as z from 'zod'
import { lazy } from '../lazy.ts'

// Shared by the HTTP-family schemas (each cites its AWS documentation page). The identity block follows
// https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-mapping-template-reference.html#context-variable-reference

/**
 * Headers, query or path parameters: names to one value each.
 *
 * @example
 * stringRecord.parse({ 'content-type': 'application/json' })
 */
export const stringRecord = lazy(() => z.record(z.string(), z.string()))

/**
 * Multi-value headers or query parameters: names to every value sent.
 *
 * @example
 * stringListRecord.parse({ accept: ['text/html', 'application/json'] })
 */
export const stringListRecord = lazy(() => z.record(z.string(), z.array(z.string())))

/**
 * The mutual-TLS client certificate API Gateway passes on.
 *
 * @example
 * clientCertSchema.parse(event.requestContext.authentication.clientCert).subjectDN
 */
export const clientCertSchema = lazy(() =>
  z.looseObject({
    clientCertPem: z.string(),
    subjectDN: z.string(),
    issuerDN: z.string(),
    serialNumber: z.string(),
    validity: z.looseObject({ notBefore: z.string(), notAfter: z.string() }),
  }),
)

const nullableString = lazy(() => z.string().nullish())

/**
 * `requestContext.identity` of REST, WebSocket and request-authorizer events. API Gateway sends every key,
 * most of them `null`; older samples and authorizer payloads omit some, so only `sourceIp` is required.
 *
 * @example
 * identitySchema.parse(event.requestContext.identity).sourceIp
 */
export const identitySchema = lazy(() =>
  z.looseObject({
    sourceIp: z.string(),
    accessKey: nullableString,
    accountId: nullableString,
    apiKey: nullableString,
    apiKeyId: nullableString,
    caller: nullableString,
    clientCert: clientCertSchema.nullish(),
    cognitoAuthenticationProvider: nullableString,
    cognitoAuthenticationType: nullableString,
    cognitoIdentityId: nullableString,
    cognitoIdentityPoolId: nullableString,
    principalOrgId: nullableString,
    user: nullableString,
    userAgent: nullableString,
    userArn: nullableString,
    vpcId: z.string().optional(),
    vpceId: z.string().optional(),
  }),
)
