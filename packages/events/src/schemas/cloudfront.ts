import * as z from 'zod'
import { lazy } from '../lazy.ts'
import { sourceSchema } from '../source-schema.ts'
import { validCloudfront } from './precompiled.ts'

// AWS documentation: Lambda@Edge event structure,
// https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/lambda-event-structure.html

/** CloudFront's header map: lower-cased name → list of `{ key, value }` (key is the original casing). */
const cloudfrontHeaders = lazy(() =>
  z.record(z.string(), z.array(z.looseObject({ key: z.string().optional(), value: z.string() }))),
)

const customOrigin = lazy(() =>
  z.looseObject({
    customHeaders: cloudfrontHeaders,
    domainName: z.string(),
    keepaliveTimeout: z.number(),
    path: z.string(),
    port: z.number(),
    protocol: z.enum(['http', 'https']),
    readTimeout: z.number(),
    sslProtocols: z.array(z.string()),
  }),
)

const s3OriginShape = lazy(() => ({
  customHeaders: cloudfrontHeaders,
  domainName: z.string(),
  path: z.string(),
}))

// `z.object` (not loose) where @types/aws-lambda types the origin as an exclusive union: s3 xor custom
const s3Origin = lazy(() =>
  z.discriminatedUnion('authMethod', [
    z.object({ ...s3OriginShape, authMethod: z.literal('none') }),
    z.object({ ...s3OriginShape, authMethod: z.literal('origin-access-identity'), region: z.string() }),
  ]),
)

const cloudfrontRequest = lazy(() =>
  z.looseObject({
    clientIp: z.string(),
    method: z.string(),
    uri: z.string(),
    querystring: z.string(),
    headers: cloudfrontHeaders,
    // only with "include body" on the function association
    body: z
      .looseObject({
        action: z.enum(['read-only', 'replace']),
        data: z.string(),
        encoding: z.enum(['base64', 'text']),
        inputTruncated: z.boolean(),
      })
      .optional(),
    // origin-request events only
    origin: z.union([z.object({ s3: s3Origin }), z.object({ custom: customOrigin })]).optional(),
  }),
)

/**
 * A Lambda@Edge event (source id `cloudfront`): viewer or origin, request or response (`cf.response` is present
 * on response events). Header names are lower-cased keys to `[{ key, value }]` lists.
 *
 * @example
 * const event: CloudfrontEvent = cloudfrontSchema.parse(input)
 * const { request } = event.Records[0]!.cf
 * request.headers.host?.[0]?.value
 */
export const cloudfrontSchema = sourceSchema('cloudfront', validCloudfront, () =>
  z.looseObject({
    Records: z.array(
      z.looseObject({
        cf: z.looseObject({
          config: z.looseObject({
            // absent from events of the first Lambda@Edge releases
            distributionDomainName: z.string().optional(),
            distributionId: z.string(),
            eventType: z.enum(['origin-request', 'origin-response', 'viewer-request', 'viewer-response']),
            requestId: z.string(),
          }),
          request: cloudfrontRequest,
          response: z
            .looseObject({ status: z.string(), statusDescription: z.string(), headers: cloudfrontHeaders })
            .optional(),
        }),
      }),
    ),
  }),
)

/**
 * The type of {@link cloudfrontSchema}; assignable to `CloudFrontRequestEvent` from `@types/aws-lambda`
 * (response events are `CloudFrontResponseEvent`s too).
 *
 * @example
 * const uri = (event: CloudfrontEvent) => event.Records[0]?.cf.request.uri
 */
export type CloudfrontEvent = z.output<typeof cloudfrontSchema>
