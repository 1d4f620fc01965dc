import * as z from 'zod'
import { lazy } from '../lazy.ts'
import { sourceSchema } from '../source-schema.ts'
import { validEventbridge, validS3Eventbridge, validScheduled } from './precompiled.ts'

// AWS documentation of this event:
// https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-events-structure.html
// S3 events: https://docs.aws.amazon.com/AmazonS3/latest/userguide/ev-events.html

const envelopeShape = lazy(() => ({
  version: z.string(),
  id: z.string(),
  'detail-type': z.string(),
  source: z.string(),
  account: z.string(),
  time: z.string(),
  region: z.string(),
  resources: z.array(z.string()),
  'replay-name': z.string().optional(),
}))

/**
 * An EventBridge (CloudWatch Events) event from any source (source id `eventbridge`): `detail` is a JSON
 * object of unknown shape; type it with `envelopes.eventbridge(schema)`. Accepts `scheduled` and
 * `s3-eventbridge` events too, as they are EventBridge events.
 *
 * @example
 * const event: EventBridgeEvent = eventBridgeSchema.parse(input)
 * event['detail-type'] // 'Order Placed'
 */
export const eventBridgeSchema = sourceSchema('eventbridge', validEventbridge, () =>
  z.looseObject({ ...envelopeShape, detail: z.looseObject({}) }),
)

/**
 * The type of {@link eventBridgeSchema}; assignable to `EventBridgeEvent<string, unknown>`.
 *
 * @example
 * const kind = (event: EventBridgeEvent) => `${event.source}/${event['detail-type']}`
 */
export type EventBridgeEvent = z.output<typeof eventBridgeSchema>

/**
 * A scheduled rule or EventBridge Scheduler invocation (source id `scheduled`): `detail-type`
 * `Scheduled Event`, the rule's ARN in `resources`.
 *
 * @example
 * const event: ScheduledEvent = scheduledSchema.parse(input)
 * event.resources[0] // 'arn:aws:events:us-east-1:123456789012:rule/nightly'
 */
export const scheduledSchema = sourceSchema('scheduled', validScheduled, () =>
  z.looseObject({
    ...envelopeShape,
    'detail-type': z.literal('Scheduled Event'),
    source: z.enum(['aws.events', 'aws.scheduler']),
    detail: z.looseObject({}),
  }),
)

/**
 * The type of {@link scheduledSchema}; assignable to `ScheduledEvent` from `@types/aws-lambda`.
 *
 * @example
 * const rule = (event: ScheduledEvent) => event.resources[0]
 */
export type ScheduledEvent = z.output<typeof scheduledSchema>

/**
 * The detail of an S3 event delivered through EventBridge (`Object Created`, `Object Deleted`, …). Fields the
 * event kind does not carry (size on deletes, `source-ip-address` on lifecycle events) are optional.
 *
 * @example
 * s3EventBridgeDetailSchema.parse(event.detail).object.key
 */
export const s3EventBridgeDetailSchema = lazy(() =>
  z.looseObject({
    version: z.string(),
    bucket: z.looseObject({ name: z.string() }),
    object: z.looseObject({
      key: z.string(),
      size: z.number().optional(),
      etag: z.string().optional(),
      'version-id': z.string().optional(),
      sequencer: z.string().optional(),
    }),
    'request-id': z.string(),
    requester: z.string(),
    'source-ip-address': z.string().optional(),
    reason: z.string().optional(),
    'deletion-type': z.string().optional(),
    'restore-expiry-time': z.string().optional(),
    'source-storage-class': z.string().optional(),
    'destination-storage-class': z.string().optional(),
    'destination-access-tier': z.string().optional(),
  }),
)

/**
 * An S3 event notification delivered by EventBridge (source id `s3-eventbridge`): `source` `aws.s3`.
 *
 * @example
 * const event: S3EventBridgeEvent = s3EventBridgeSchema.parse(input)
 * event.detail.object.key
 */
export const s3EventBridgeSchema = sourceSchema('s3-eventbridge', validS3Eventbridge, () =>
  z.looseObject({
    ...envelopeShape,
    source: z.literal('aws.s3'),
    detail: s3EventBridgeDetailSchema,
  }),
)

/**
 * The type of {@link s3EventBridgeSchema}; assignable to `EventBridgeEvent<string, …>` (the per-kind
 * `S3…NotificationEvent` types of `@types/aws-lambda` are narrower than what S3 sends).
 *
 * @example
 * const key = (event: S3EventBridgeEvent) => event.detail.object.key
 */
export type S3EventBridgeEvent = z.output<typeof s3EventBridgeSchema>
