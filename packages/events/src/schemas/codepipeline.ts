import * as z from 'zod'
import { lazy } from '../lazy.ts'
import { sourceSchema } from '../source-schema.ts'
import { validCodepipeline } from './precompiled.ts'

// AWS documentation of this event:
// https://docs.aws.amazon.com/codepipeline/latest/userguide/actions-invoke-lambda-function.html

const artifact = lazy(() =>
  z.looseObject({
    name: z.string(),
    revision: z.string().nullable(),
    location: z.looseObject({
      type: z.literal('S3'),
      s3Location: z.looseObject({ bucketName: z.string(), objectKey: z.string() }),
    }),
  }),
)

/**
 * A CodePipeline Lambda invoke action job (source id `codepipeline`). Report the outcome with
 * `PutJobSuccessResult`/`PutJobFailureResult` for `CodePipeline.job.id`.
 *
 * @example
 * const event: CodepipelineEvent = codepipelineSchema.parse(input)
 * const jobId = event['CodePipeline.job'].id
 */
export const codepipelineSchema = sourceSchema('codepipeline', validCodepipeline, () =>
  z.looseObject({
    'CodePipeline.job': z.looseObject({
      id: z.string(),
      accountId: z.string(),
      data: z.looseObject({
        actionConfiguration: z.looseObject({
          configuration: z.looseObject({ FunctionName: z.string(), UserParameters: z.string().optional() }),
        }),
        inputArtifacts: z.array(artifact),
        outputArtifacts: z.array(artifact),
        artifactCredentials: z.looseObject({
          accessKeyId: z.string(),
          secretAccessKey: z.string(),
          sessionToken: z.string().optional(),
        }),
        encryptionKey: z.looseObject({ type: z.literal('KMS'), id: z.string() }).optional(),
        continuationToken: z.string().optional(),
      }),
    }),
  }),
)

/**
 * The type of {@link codepipelineSchema}; matches `CodePipelineEvent` except that `UserParameters` is
 * optional (absent when the action sets none).
 *
 * @example
 * const job = (event: CodepipelineEvent) => event['CodePipeline.job'].id
 */
export type CodepipelineEvent = z.output<typeof codepipelineSchema>
