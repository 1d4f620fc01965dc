import * as z from 'zod'
import { lazy } from '../lazy.ts'
import { sourceSchema } from '../source-schema.ts'
import { validKinesisFirehose, validKinesisStream } from './precompiled.ts'
import { tumblingWindowShape } from './tumbling-window.ts'

// AWS documentation of this event:
// streams: https://docs.aws.amazon.com/lambda/latest/dg/with-kinesis.html
// Firehose: https://docs.aws.amazon.com/firehose/latest/dev/data-transformation.html

/**
 * One Kinesis Data Streams record; `kinesis.data` is base64. Use `envelopes.kinesis(schema)` to decode and parse it.
 *
 * @example
 * kinesisStreamRecordSchema.parse(event.Records[0]).kinesis.partitionKey
 */
export const kinesisStreamRecordSchema = lazy(() =>
  z.looseObject({
    kinesis: z.looseObject({
      kinesisSchemaVersion: z.string(),
      partitionKey: z.string(),
      sequenceNumber: z.string(),
      data: z.string(),
      // seconds since the epoch, with milliseconds as the fraction
      approximateArrivalTimestamp: z.number(),
    }),
    eventSource: z.literal('aws:kinesis'),
    eventVersion: z.string(),
    eventID: z.string(),
    eventName: z.string(),
    invokeIdentityArn: z.string(),
    awsRegion: z.string(),
    eventSourceARN: z.string(),
  }),
)

/**
 * A Kinesis Data Streams event (source id `kinesis-stream`), with the tumbling-window fields when configured.
 *
 * @example
 * const event: KinesisStreamEvent = kinesisStreamSchema.parse(input)
 * event.Records.map((r) => r.kinesis.sequenceNumber)
 */
export const kinesisStreamSchema = sourceSchema('kinesis-stream', validKinesisStream, () =>
  z.looseObject({
    Records: z.array(kinesisStreamRecordSchema),
    ...tumblingWindowShape,
  }),
)

/**
 * The type of {@link kinesisStreamSchema}; assignable to `KinesisStreamEvent` from `@types/aws-lambda`.
 *
 * @example
 * const last = (event: KinesisStreamEvent) => event.Records.at(-1)?.kinesis.sequenceNumber
 */
export type KinesisStreamEvent = z.output<typeof kinesisStreamSchema>

/**
 * An Amazon Data Firehose transformation request (source id `kinesis-firehose`): base64 `data` per record, and
 * `kinesisRecordMetadata` when the delivery stream reads from a Kinesis stream.
 *
 * @example
 * const event: KinesisFirehoseEvent = kinesisFirehoseSchema.parse(input)
 * return { records: event.records.map((r) => ({ recordId: r.recordId, result: 'Ok', data: r.data })) }
 */
export const kinesisFirehoseSchema = sourceSchema('kinesis-firehose', validKinesisFirehose, () =>
  z.looseObject({
    invocationId: z.string(),
    deliveryStreamArn: z.string(),
    sourceKinesisStreamArn: z.string().optional(),
    region: z.string(),
    records: z.array(
      z.looseObject({
        recordId: z.string(),
        // milliseconds since the epoch
        approximateArrivalTimestamp: z.number(),
        data: z.string(),
        kinesisRecordMetadata: z
          .looseObject({
            shardId: z.string(),
            partitionKey: z.string(),
            approximateArrivalTimestamp: z.number(),
            sequenceNumber: z.string(),
            // a number in AWS's samples, a string in @types/aws-lambda
            subsequenceNumber: z.union([z.string(), z.number()]),
          })
          .optional(),
      }),
    ),
  }),
)

/**
 * The type of {@link kinesisFirehoseSchema}; matches `FirehoseTransformationEvent` except that
 * `subsequenceNumber` may be a number.
 *
 * @example
 * const ids = (event: KinesisFirehoseEvent) => event.records.map((r) => r.recordId)
 */
export type KinesisFirehoseEvent = z.output<typeof kinesisFirehoseSchema>
