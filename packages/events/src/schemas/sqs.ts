import * as z from 'zod'
import { lazy } from '../lazy.ts'
import { sourceSchema } from '../source-schema.ts'
import { validSqs } from './precompiled.ts'

// AWS documentation of this event:
// https://docs.aws.amazon.com/lambda/latest/dg/with-sqs.html

/** One SQS message attribute; `dataType` is `String`, `Number`, `Binary` or a custom `Number.float`-style type. */
const sqsMessageAttributeSchema = lazy(() =>
  z.looseObject({
    // null when the attribute is of the other kind (seen from SDKs that send both keys)
    stringValue: z.string().nullish(),
    binaryValue: z.string().nullish(),
    stringListValues: z.array(z.string()).optional(),
    binaryListValues: z.array(z.string()).optional(),
    dataType: z.string(),
  }),
)

/**
 * One message of an SQS batch. `body` is the raw string: use `envelopes.sqs(schema)` to parse it.
 *
 * @example
 * sqsRecordSchema.parse(event.Records[0]).attributes.ApproximateReceiveCount // '1'
 */
export const sqsRecordSchema = lazy(() =>
  z.looseObject({
    messageId: z.string(),
    receiptHandle: z.string(),
    body: z.string(),
    attributes: z.looseObject({
      ApproximateReceiveCount: z.string(),
      SentTimestamp: z.string(),
      SenderId: z.string(),
      ApproximateFirstReceiveTimestamp: z.string(),
      AWSTraceHeader: z.string().optional(),
      // FIFO queues only
      SequenceNumber: z.string().optional(),
      MessageGroupId: z.string().optional(),
      MessageDeduplicationId: z.string().optional(),
      DeadLetterQueueSourceArn: z.string().optional(),
    }),
    messageAttributes: z.record(z.string(), sqsMessageAttributeSchema),
    md5OfBody: z.string(),
    // null when the event source mapping has a batching window and the message has no attributes
    md5OfMessageAttributes: z.string().nullish(),
    eventSource: z.literal('aws:sqs'),
    eventSourceARN: z.string(),
    awsRegion: z.string(),
  }),
)

/**
 * An SQS event (source id `sqs`): a batch of up to 10 000 messages from one queue.
 *
 * @example
 * const event: SqsEvent = sqsSchema.parse(input)
 */
export const sqsSchema = sourceSchema('sqs', validSqs, () =>
  z.looseObject({ Records: z.array(sqsRecordSchema) }),
)

/**
 * The type of {@link sqsSchema}; matches `SQSEvent` from `@types/aws-lambda` except that
 * `md5OfMessageAttributes` and attribute values may be `null`, as AWS sends them.
 *
 * @example
 * const first = (event: SqsEvent) => event.Records[0]?.messageId
 */
export type SqsEvent = z.output<typeof sqsSchema>

/**
 * The type of {@link sqsRecordSchema}.
 *
 * @example
 * const ids = (records: SqsRecord[]) => records.map((r) => r.messageId)
 */
export type SqsRecord = z.output<typeof sqsRecordSchema>
