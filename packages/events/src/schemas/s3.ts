import * as z from 'zod'
import { lazy } from '../lazy.ts'
import { sourceSchema } from '../source-schema.ts'
import { validS3, validS3Batch } from './precompiled.ts'

// AWS documentation of this event:
// notifications: https://docs.aws.amazon.com/AmazonS3/latest/userguide/notification-content-structure.html
// batch operations: https://docs.aws.amazon.com/AmazonS3/latest/userguide/batch-ops-invoke-lambda.html

/**
 * One S3 event notification record. `s3.object.key` is URL-encoded (spaces as `+`): decode it with
 * `decodeURIComponent(key.replaceAll('+', ' '))`.
 *
 * @example
 * s3RecordSchema.parse(event.Records[0]).s3.bucket.name
 */
export const s3RecordSchema = lazy(() =>
  z.looseObject({
    eventVersion: z.string(),
    eventSource: z.literal('aws:s3'),
    awsRegion: z.string(),
    eventTime: z.string(),
    eventName: z.string(),
    userIdentity: z.looseObject({ principalId: z.string() }),
    requestParameters: z.looseObject({ sourceIPAddress: z.string() }),
    responseElements: z.looseObject({ 'x-amz-request-id': z.string(), 'x-amz-id-2': z.string() }),
    s3: z.looseObject({
      s3SchemaVersion: z.string(),
      configurationId: z.string(),
      bucket: z.looseObject({
        name: z.string(),
        ownerIdentity: z.looseObject({ principalId: z.string() }),
        arn: z.string(),
      }),
      object: z.looseObject({
        key: z.string(),
        // ObjectRemoved notifications carry neither size nor eTag
        size: z.number().optional(),
        eTag: z.string().optional(),
        versionId: z.string().optional(),
        sequencer: z.string().optional(),
      }),
    }),
    glacierEventData: z
      .looseObject({
        restoreEventData: z.looseObject({
          lifecycleRestorationExpiryTime: z.string(),
          lifecycleRestoreStorageClass: z.string(),
        }),
      })
      .optional(),
  }),
)

/**
 * An S3 event notification (source id `s3`), including lifecycle, replication, restore and
 * Intelligent-Tiering notifications (their extra `*EventData` objects are kept).
 *
 * @example
 * const event: S3Event = s3Schema.parse(input)
 */
export const s3Schema = sourceSchema('s3', validS3, () => z.looseObject({ Records: z.array(s3RecordSchema) }))

/**
 * The type of {@link s3Schema}; matches `S3Event` from `@types/aws-lambda` except that `size`, `eTag` and
 * `sequencer` are optional (ObjectRemoved and lifecycle notifications omit them).
 *
 * @example
 * const keys = (event: S3Event) => event.Records.map((r) => r.s3.object.key)
 */
export type S3Event = z.output<typeof s3Schema>

const s3BatchTaskV1 = lazy(() =>
  z.looseObject({
    taskId: z.string(),
    s3Key: z.string(),
    s3VersionId: z.string().nullable(),
    s3BucketArn: z.string(),
  }),
)

const s3BatchTaskV2 = lazy(() =>
  z.looseObject({
    taskId: z.string(),
    s3Key: z.string(),
    s3VersionId: z.string().nullable(),
    s3Bucket: z.string(),
  }),
)

/**
 * An S3 Batch Operations invocation (source id `s3-batch`), schema version 1.0 (`s3BucketArn`) or 2.0
 * (`s3Bucket` and the job's `userArguments`).
 *
 * @example
 * const event: S3BatchEvent = s3BatchSchema.parse(input)
 * if (event.invocationSchemaVersion === '2.0') event.job.userArguments
 */
export const s3BatchSchema = sourceSchema('s3-batch', validS3Batch, () =>
  z.discriminatedUnion('invocationSchemaVersion', [
    z.looseObject({
      invocationSchemaVersion: z.literal('1.0'),
      invocationId: z.string(),
      job: z.looseObject({ id: z.string() }),
      tasks: z.array(s3BatchTaskV1),
    }),
    z.looseObject({
      invocationSchemaVersion: z.literal('2.0'),
      invocationId: z.string(),
      job: z.looseObject({ id: z.string(), userArguments: z.record(z.string(), z.string()).optional() }),
      tasks: z.array(s3BatchTaskV2),
    }),
  ]),
)

/**
 * The type of {@link s3BatchSchema}; version 1.0 is assignable to `S3BatchEvent` (which knows only 1.0).
 *
 * @example
 * const ids = (event: S3BatchEvent) => event.tasks.map((t) => t.taskId)
 */
export type S3BatchEvent = z.output<typeof s3BatchSchema>
