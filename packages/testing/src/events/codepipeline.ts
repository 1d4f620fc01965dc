import { randomBytes, randomUUID } from 'node:crypto'
import type { CodePipelineEvent } from 'aws-lambda'
import { eventSource } from './common.ts'
import { deepMerge, eventPatch, type Overrides } from './deep-merge.ts'

/**
 * `events.codepipeline`: a Lambda invoke action job with one S3 input artifact.
 *
 * @example
 * events.codepipeline()['CodePipeline.job'].id
 */
export function codepipelineFromPartial(partial: Overrides<CodePipelineEvent> = {}): CodePipelineEvent {
  const { region, accountId } = eventSource(partial)
  const bucket = `codepipeline-${region}-${randomBytes(6).readUIntBE(0, 6)}`
  const base: CodePipelineEvent = {
    'CodePipeline.job': {
      id: randomUUID(),
      accountId,
      data: {
        actionConfiguration: {
          configuration: { FunctionName: 'sluice-function', UserParameters: '{"stage":"prod"}' },
        },
        inputArtifacts: [
          {
            name: 'SourceOutput',
            revision: randomBytes(20).toString('hex'),
            location: {
              type: 'S3',
              s3Location: { bucketName: bucket, objectKey: 'sluice/SourceOutp/abc123.zip' },
            },
          },
        ],
        outputArtifacts: [],
        artifactCredentials: {
          accessKeyId: 'ASIAIOSFODNN7EXAMPLE',
          secretAccessKey: randomBytes(30).toString('base64'),
          sessionToken: randomBytes(96).toString('base64'),
        },
      },
    },
  }
  return deepMerge<CodePipelineEvent>(base, eventPatch(partial))
}
