import * as z from 'zod'
import { lazy } from '../lazy.ts'
import { sourceSchema } from '../source-schema.ts'
import { validS3ObjectLambda } from './precompiled.ts'

// AWS documentation of this event:
// https://docs.aws.amazon.com/AmazonS3/latest/userguide/olap-event-context.html

const inputOnly = lazy(() => z.looseObject({ inputS3Url: z.string() }))

const sessionContext = lazy(() =>
  z.looseObject({
    attributes: z.looseObject({ mfaAuthenticated: z.string(), creationDate: z.string() }),
    sessionIssuer: z
      .looseObject({
        type: z.string(),
        principalId: z.string(),
        arn: z.string(),
        accountId: z.string(),
        userName: z.string().optional(),
      })
      .optional(),
  }),
)

const base = lazy(() => ({
  xAmzRequestId: z.string(),
  configuration: z.looseObject({
    accessPointArn: z.string(),
    supportingAccessPointArn: z.string(),
    payload: z.string(),
  }),
  userRequest: z.looseObject({ url: z.string(), headers: z.record(z.string(), z.string()) }),
  userIdentity: z.looseObject({
    type: z.string(),
    principalId: z.string(),
    arn: z.string(),
    accountId: z.string(),
    accessKeyId: z.string(),
    userName: z.string().optional(),
    sessionContext: sessionContext.optional(),
  }),
  protocolVersion: z.string(),
}))

/**
 * An S3 Object Lambda access point request (source id `s3-object-lambda`): exactly one of
 * `getObjectContext` (with `outputRoute`/`outputToken` for `WriteGetObjectResponse`), `headObjectContext`,
 * `listObjectsContext` or `listObjectsV2Context` is present.
 *
 * @example
 * const event = s3ObjectLambdaSchema.parse(input)
 * if ('getObjectContext' in event) await fetch(event.getObjectContext.inputS3Url)
 */
export const s3ObjectLambdaSchema = sourceSchema('s3-object-lambda', validS3ObjectLambda, () =>
  z.union([
    z.looseObject({
      ...base,
      getObjectContext: z.looseObject({
        inputS3Url: z.string(),
        outputRoute: z.string(),
        outputToken: z.string(),
      }),
    }),
    z.looseObject({ ...base, headObjectContext: inputOnly }),
    z.looseObject({ ...base, listObjectsContext: inputOnly }),
    z.looseObject({ ...base, listObjectsV2Context: inputOnly }),
  ]),
)

/**
 * The type of {@link s3ObjectLambdaSchema} (`@types/aws-lambda` has no type for it).
 *
 * @example
 * const route = (event: S3ObjectLambdaEvent) => ('getObjectContext' in event ? event.getObjectContext.outputRoute : undefined)
 */
export type S3ObjectLambdaEvent = z.output<typeof s3ObjectLambdaSchema>
