import { randomBytes, randomUUID } from 'node:crypto'
import type { SNSEvent, SNSEventRecord } from 'aws-lambda'
import { type EventSourceOptions, eventSource, type PayloadOption, recordPayload } from './common.ts'
import { type DeepPartial, deepMerge, recordPartials } from './deep-merge.ts'

/**
 * One record partial of `events.sns`: a non-string `Sns.Message` becomes JSON.
 *
 * @example
 * const record: SnsRecordPartial = { Sns: { Message: { alarm: 'high' }, Subject: 'ALARM' } }
 */
export type SnsRecordPartial = DeepPartial<Omit<SNSEventRecord, 'Sns'>> & {
  Sns?: Omit<DeepPartial<SNSEventRecord['Sns']>, 'Message'> & { Message?: unknown }
}

/**
 * Options of `events.sns`.
 *
 * @example
 * const options: SnsPartial = { message: { orderId: 'o-1' }, subject: 'order', topicName: 'orders' }
 */
export type SnsPartial = EventSourceOptions & {
  /** A count of default records (Lambda delivers one; default 1), or one partial per record. */
  records?: number | ReadonlyArray<SnsRecordPartial>
  /** Message of every record without its own: a value or a function of the index; default `{ index }`. */
  message?: PayloadOption
  /** Default `sluice-topic`. */
  topicName?: string
  /** `Sns.Subject` of every record (absent by default). */
  subject?: string
}

/**
 * `events.sns`: an SNS notification event as Lambda receives it from a subscription.
 *
 * @example
 * events.sns({ message: 'hello' }).Records[0]?.Sns.Message // 'hello'
 * events.sns({ records: [{ Sns: { Message: { alarm: 'high' } } }] })
 */
export function snsFromPartial(partial: SnsPartial = {}): SNSEvent {
  const { region, accountId, now } = eventSource(partial)
  const topicArn = `arn:aws:sns:${region}:${accountId}:${partial.topicName ?? 'sluice-topic'}`
  const subscriptionArn = `${topicArn}:${randomUUID()}`

  function snsRecord(part: SnsRecordPartial | undefined, index: number): SNSEventRecord {
    const { Message: own, ...sns } = part?.Sns ?? {}
    const record: SNSEventRecord = {
      EventVersion: '1.0',
      EventSubscriptionArn: subscriptionArn,
      EventSource: 'aws:sns',
      Sns: {
        SignatureVersion: '1',
        Timestamp: new Date(now).toISOString(),
        Signature: randomBytes(256).toString('base64'),
        SigningCertUrl: `https://sns.${region}.amazonaws.com/SimpleNotificationService-${randomBytes(16).toString('hex')}.pem`,
        MessageId: randomUUID(),
        Message: recordPayload(own, partial.message, index, (i) => ({ index: i })),
        MessageAttributes: {},
        Type: 'Notification',
        UnsubscribeUrl: `https://sns.${region}.amazonaws.com/?Action=Unsubscribe&SubscriptionArn=${subscriptionArn}`,
        TopicArn: topicArn,
        ...(partial.subject !== undefined && { Subject: partial.subject }),
      },
    }
    return deepMerge<SNSEventRecord>(record, { ...part, Sns: sns })
  }

  return { Records: recordPartials(partial.records).map(snsRecord) }
}
