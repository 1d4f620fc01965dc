import { events } from '@sluice/testing'
import { describe, expect, test } from 'vitest'
import { z } from 'zod'
import { safeParseEvent } from '../parse-event.ts'
import { envelopes } from './index.ts'

const order = z.object({ orderId: z.string(), total: z.number() })

describe('envelopes.sqs', () => {
  test('parses every body as JSON with the schema, in record order', () => {
    const event = events.sqs({
      records: [{ body: { orderId: 'o-1', total: 3 } }, { body: { orderId: 'o-2', total: 4 } }],
    })
    expect(envelopes.sqs(order).parse(event)).toEqual([
      { orderId: 'o-1', total: 3 },
      { orderId: 'o-2', total: 4 },
    ])
  })

  test('a schema failure names the record and field, not the value', () => {
    const bodies = [0, 1, 2, 3].map((i) => ({ body: { orderId: i === 3 ? 42 : `o-${i}`, total: 1 } }))
    const result = safeParseEvent(envelopes.sqs(order), events.sqs({ records: bodies }))
    expect(result.success).toBe(false)
    if (result.success) return
    expect(result.error).toMatchObject({
      code: 'EVENT_PARSE_FAILED',
      source: 'sqs',
      path: ['Records', 3, 'body', 'orderId'],
      expected: 'string',
      received: 'number',
      expose: false,
    })
    expect(result.error.message).not.toContain('42')
  })

  test('a body that is not JSON is EVENT_BODY_NOT_JSON, not a crash', () => {
    const result = safeParseEvent(envelopes.sqs(order), events.sqs({ records: [{ body: 'hello there' }] }))
    expect(result).toMatchObject({
      success: false,
      error: { code: 'EVENT_BODY_NOT_JSON', path: ['Records', 0, 'body'], expected: 'JSON text' },
    })
  })

  test('an event without Records says where the array was expected', () => {
    expect(safeParseEvent(envelopes.sqs(order), { records: [] })).toMatchObject({
      success: false,
      error: { code: 'EVENT_PARSE_FAILED', path: ['Records'], expected: 'array', received: 'nothing' },
    })
  })

  test('a body with __proto__ does not pollute, and the key is gone from the parsed value', () => {
    const loose = z.looseObject({ orderId: z.string() })
    const [parsed] = envelopes
      .sqs(loose)
      .parse(events.sqs({ records: [{ body: '{"orderId":"o","__proto__":{"polluted":1}}' }] }))
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype)
    expect(Object.hasOwn(parsed as object, '__proto__')).toBe(false)
  })
})

describe('envelopes.sqsText', () => {
  test('hands plain-text bodies to the schema as they are', () => {
    const event = events.sqs({ records: [{ body: 'line one' }, { body: 'line two' }] })
    expect(envelopes.sqsText(z.string()).parse(event)).toEqual(['line one', 'line two'])
  })
})

describe('envelopes.snsSqs', () => {
  const notification = (message: unknown) => ({
    Type: 'Notification',
    MessageId: 'm-1',
    TopicArn: 'arn:aws:sns:us-east-1:123456789012:orders',
    Message: JSON.stringify(message),
    Timestamp: '2024-01-01T00:00:00.000Z',
  })

  test('reads the SNS notification in each body, then its Message', () => {
    const event = events.sqs({ records: [{ body: notification({ orderId: 'o-1', total: 2 }) }] })
    expect(envelopes.snsSqs(order).parse(event)).toEqual([{ orderId: 'o-1', total: 2 }])
  })

  test('a subscription confirmation is not a notification', () => {
    const event = events.sqs({
      records: [{ body: { ...notification({}), Type: 'SubscriptionConfirmation' } }],
    })
    expect(safeParseEvent(envelopes.snsSqs(order), event)).toMatchObject({
      success: false,
      error: { path: ['Records', 0, 'body', 'Type'], expected: '"Notification"', received: 'string' },
    })
  })
})
