import { randomBytes, randomUUID } from 'node:crypto'
import type { SNSEvent, SNSEventRecord } from 'aws-lambda'
import {
  type EventSourceOptions,
  eventSource,
  type PayloadOption,
  payloadText,
  recordCount,
  times,
} from './common.ts'

/**
 * What the SNS notification carries.
 *
 * @example
 * const options: SnsEventOptions = { message: { orderId: 'o-1' }, subject: 'order' }
 */
export type SnsEventOptions = EventSourceOptions & {
  /** Number of records (Lambda delivers one; default 1). */
  records?: number
  /** Message; default `{ index }` as JSON. */
  message?: PayloadOption
  /** Default `sluice-topic`. */
  topicName?: string
  subject?: string
}

/**
 * An SNS notification event as Lambda receives it from a subscription.
 *
 * @example
 * const event = snsEvent({ message: 'hello' })
 * event.Records[0]?.Sns.Message // 'hello'
 */
export function snsEvent(options: SnsEventOptions = {}): SNSEvent {
  const { region, accountId, now } = eventSource(options)
  const topicArn = `arn:aws:sns:${region}:${accountId}:${options.topicName ?? 'sluice-topic'}`
  const subscriptionArn = `${topicArn}:${randomUUID()}`

  function snsRecord(index: number): SNSEventRecord {
    return {
      EventVersion: '1.0',
      EventSubscriptionArn: subscriptionArn,
      EventSource: 'aws:sns',
      Sns: {
        SignatureVersion: '1',
        Timestamp: new Date(now).toISOString(),
        Signature: randomBytes(256).toString('base64'),
        SigningCertUrl: `https://sns.${region}.amazonaws.com/SimpleNotificationService-${randomBytes(16).toString('hex')}.pem`,
        MessageId: randomUUID(),
        Message: payloadText(options.message, index, (i) => ({ index: i })),
        MessageAttributes: {},
        Type: 'Notification',
        UnsubscribeUrl: `https://sns.${region}.amazonaws.com/?Action=Unsubscribe&SubscriptionArn=${subscriptionArn}`,
        TopicArn: topicArn,
        ...(options.subject !== undefined && { Subject: options.subject }),
      },
    }
  }

  return { Records: times(recordCount(options.records), snsRecord) }
}
