import { describe, expect, test } from 'vitest'
import { events } from './events.ts'

describe('events.sns', () => {
  test('delivers the message with topic and subscription ARNs', () => {
    const [record] = events.sns({
      message: 'hello',
      topicName: 'alerts',
      subject: 'hi',
      region: 'eu-west-1',
    }).Records
    expect(record).toMatchObject({
      EventSource: 'aws:sns',
      Sns: {
        Message: 'hello',
        Subject: 'hi',
        Type: 'Notification',
        TopicArn: 'arn:aws:sns:eu-west-1:123456789012:alerts',
      },
    })
    expect(record?.EventSubscriptionArn.startsWith('arn:aws:sns:eu-west-1:123456789012:alerts:')).toBe(true)
  })

  test('encodes an object message as JSON and omits a missing subject', () => {
    const [record] = events.sns({ message: { orderId: 'o-1' } }).Records
    expect(record?.Sns.Message).toBe('{"orderId":"o-1"}')
    expect('Subject' in (record?.Sns ?? {})).toBe(false)
  })
})
