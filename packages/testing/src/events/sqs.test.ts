import { createHash } from 'node:crypto'
import { describe, expect, test } from 'vitest'
import { createClock } from '../clock.ts'
import { InvalidOptionError } from '../errors.ts'
import { events } from './events.ts'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

describe('events.sqs', () => {
  test('builds the requested number of standard-queue records with realistic fields', () => {
    const event = events.sqs({ records: 3, region: 'eu-west-1', clock: createClock(1_700_000_000_000) })
    expect(event.Records).toHaveLength(3)
    const [first] = event.Records
    expect(first).toMatchObject({
      body: '{"index":0}',
      eventSource: 'aws:sqs',
      eventSourceARN: 'arn:aws:sqs:eu-west-1:123456789012:sluice-queue',
      awsRegion: 'eu-west-1',
      messageAttributes: {},
      attributes: {
        ApproximateReceiveCount: '1',
        SentTimestamp: '1700000000000',
        ApproximateFirstReceiveTimestamp: '1700000000000',
      },
    })
    expect(first?.messageId).toMatch(UUID)
    expect(first?.receiptHandle).toMatch(/^AQEB[A-Za-z0-9+/=]{100,}$/)
    expect(first?.attributes.MessageGroupId).toBeUndefined()
    expect(new Set(event.Records.map((r) => r.messageId)).size).toBe(3)
  })

  test('computes each body from the index and its MD5 like SQS', () => {
    const event = events.sqs({ records: 2, body: (i) => ({ orderId: `o-${i}` }) })
    expect(event.Records.map((r) => r.body)).toEqual(['{"orderId":"o-0"}', '{"orderId":"o-1"}'])
    const md5 = createHash('md5').update('{"orderId":"o-1"}').digest('hex')
    expect(event.Records[1]?.md5OfBody).toBe(md5)
    expect(events.sqs({ body: 'plain text' }).Records[0]?.body).toBe('plain text')
  })

  test('adds FIFO fields, a .fifo queue name, round-robin groups and increasing sequence numbers', () => {
    const event = events.sqs({ records: 3, fifo: true, groups: 2, queueName: 'orders' })
    const attributes = event.Records.map((r) => r.attributes)
    expect(event.Records[0]?.eventSourceARN).toMatch(/:orders\.fifo$/)
    expect(attributes.map((a) => a.MessageGroupId)).toEqual(['group-0', 'group-1', 'group-0'])
    const sequence = attributes.map((a) => BigInt(a.SequenceNumber ?? '0'))
    expect(sequence[1]! - sequence[0]!).toBe(1n)
    expect(attributes[0]?.MessageDeduplicationId).toMatch(/^[0-9a-f]{64}$/)
  })

  test('marks redeliveries with the receive count', () => {
    expect(events.sqs({ receiveCount: 4 }).Records[0]?.attributes.ApproximateReceiveCount).toBe('4')
  })

  test('allows an empty batch and refuses a fractional or negative count', () => {
    expect(events.sqs({ records: 0 }).Records).toEqual([])
    expect(() => events.sqs({ records: 1.5 })).toThrow(InvalidOptionError)
    expect(() => events.sqs({ records: -1 })).toThrow(expect.objectContaining({ path: 'records' }))
  })

  test('a message partial’s own body wins over the builder-wide body; the FIFO fields follow the body used', () => {
    const event = events.sqs({ records: [{ body: 'own' }, {}], body: (i) => ({ shared: i }), fifo: true })
    expect(event.Records.map((r) => r.body)).toEqual(['own', '{"shared":1}'])
    const dedup = createHash('sha256').update('own').digest('hex')
    expect(event.Records[0]?.attributes.MessageDeduplicationId).toBe(dedup)
  })
})
