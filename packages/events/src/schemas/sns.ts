import * as z from 'zod'
import { lazy } from '../lazy.ts'
import { sourceSchema } from '../source-schema.ts'
import { validSns } from './precompiled.ts'

// AWS documentation of this event:
// https://docs.aws.amazon.com/lambda/latest/dg/with-sns.html

const snsMessageAttributeSchema = lazy(() => z.looseObject({ Type: z.string(), Value: z.string() }))

// What every SNS notification carries, whether Lambda delivers it or SNS writes it into an SQS queue.
const notificationShape = lazy(() => ({
  Type: z.string(),
  MessageId: z.string(),
  TopicArn: z.string(),
  // null, not absent, when the publisher set no subject
  Subject: z.string().nullish(),
  Message: z.string(),
  Timestamp: z.string(),
}))

/**
 * The notification inside one SNS record. `Message` is the raw string: use `envelopes.sns(schema)` to parse it.
 *
 * @example
 * snsMessageSchema.parse(event.Records[0].Sns).TopicArn
 */
export const snsMessageSchema = lazy(() =>
  z.looseObject({
    ...notificationShape,
    SignatureVersion: z.string(),
    Signature: z.string(),
    SigningCertUrl: z.string(),
    UnsubscribeUrl: z.string(),
    MessageAttributes: z.record(z.string(), snsMessageAttributeSchema),
    Token: z.string().optional(),
  }),
)

/**
 * One record of an SNS event; `EventSource` is `aws:sns` (capitalised, unlike SQS's `eventSource`).
 *
 * @example
 * snsRecordSchema.parse(event.Records[0]).Sns.Message
 */
export const snsRecordSchema = lazy(() =>
  z.looseObject({
    EventSource: z.literal('aws:sns'),
    EventVersion: z.string(),
    EventSubscriptionArn: z.string(),
    Sns: snsMessageSchema,
  }),
)

/**
 * An SNS event (source id `sns`). Lambda delivers one record per invocation.
 *
 * @example
 * const event: SnsEvent = snsSchema.parse(input)
 */
export const snsSchema = sourceSchema('sns', validSns, () =>
  z.looseObject({ Records: z.array(snsRecordSchema) }),
)

/**
 * The type of {@link snsSchema}; matches `SNSEvent` except that `Subject` may be `null`, as AWS sends it.
 *
 * @example
 * const subject = (event: SnsEvent) => event.Records[0]?.Sns.Subject ?? 'none'
 */
export type SnsEvent = z.output<typeof snsSchema>

/**
 * The notification SNS writes into an SQS queue subscribed to a topic (without raw message delivery): the same
 * fields as a Lambda record's `Sns`, but `SigningCertURL` and `UnsubscribeURL` are upper-case there.
 *
 * @example
 * snsSqsNotificationSchema.parse(JSON.parse(sqsRecord.body)).Message
 */
export const snsSqsNotificationSchema = lazy(() =>
  z.looseObject({
    ...notificationShape,
    SignatureVersion: z.string().optional(),
    Signature: z.string().optional(),
    SigningCertURL: z.string().optional(),
    UnsubscribeURL: z.string().optional(),
    MessageAttributes: z.record(z.string(), snsMessageAttributeSchema).optional(),
  }),
)

/**
 * The type of {@link snsSqsNotificationSchema}.
 *
 * @example
 * const text = (n: SnsSqsNotification) => n.Message
 */
export type SnsSqsNotification = z.output<typeof snsSqsNotificationSchema>
