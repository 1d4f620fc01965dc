import * as z from 'zod'
import { lazy } from '../lazy.ts'
import { sourceSchema } from '../source-schema.ts'
import { dynamoDbItemSchema } from './dynamodb-attribute.ts'
import { tumblingWindowShape } from './tumbling-window.ts'

// AWS documentation of this event:
// https://docs.aws.amazon.com/lambda/latest/dg/with-ddb.html

/**
 * One DynamoDB Streams record. Which images are present follows `StreamViewType` and `eventName` (INSERT has no
 * OldImage, REMOVE no NewImage, KEYS_ONLY neither). Use `envelopes.dynamodbStream(schema)` for plain objects.
 *
 * @example
 * dynamoDbStreamRecordSchema.parse(event.Records[0]).dynamodb.Keys
 */
export const dynamoDbStreamRecordSchema = lazy(() =>
  z.looseObject({
    eventID: z.string(),
    eventName: z.enum(['INSERT', 'MODIFY', 'REMOVE']),
    eventVersion: z.string(),
    eventSource: z.literal('aws:dynamodb'),
    awsRegion: z.string(),
    eventSourceARN: z.string(),
    dynamodb: z.looseObject({
      ApproximateCreationDateTime: z.number().optional(),
      Keys: dynamoDbItemSchema,
      NewImage: dynamoDbItemSchema.optional(),
      OldImage: dynamoDbItemSchema.optional(),
      SequenceNumber: z.string(),
      SizeBytes: z.number(),
      StreamViewType: z.enum(['KEYS_ONLY', 'NEW_IMAGE', 'OLD_IMAGE', 'NEW_AND_OLD_IMAGES']),
    }),
    // TTL deletions: { type: 'Service', principalId: 'dynamodb.amazonaws.com' }
    userIdentity: z.looseObject({ type: z.string(), principalId: z.string() }).optional(),
  }),
)

/**
 * A DynamoDB Streams event (source id `dynamodb-stream`), including the tumbling-window fields (`window`,
 * `state`, `shardId`, …) when the event source mapping has a window.
 *
 * @example
 * const event: DynamoDbStreamEvent = dynamoDbStreamSchema.parse(input)
 * event.Records.filter((r) => r.eventName === 'REMOVE')
 */
export const dynamoDbStreamSchema = sourceSchema('dynamodb-stream', () =>
  z.looseObject({
    Records: z.array(dynamoDbStreamRecordSchema),
    ...tumblingWindowShape,
  }),
)

/**
 * The type of {@link dynamoDbStreamSchema}; assignable to `DynamoDBStreamEvent` from `@types/aws-lambda`.
 *
 * @example
 * const keys = (event: DynamoDbStreamEvent) => event.Records.map((r) => r.dynamodb.Keys)
 */
export type DynamoDbStreamEvent = z.output<typeof dynamoDbStreamSchema>
