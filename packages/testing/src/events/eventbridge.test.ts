import { describe, expect, test } from 'vitest'
import { createClock } from '../clock.ts'
import { events } from './events.ts'

describe('events.eventbridge', () => {
  test('wraps the detail with EventBridge envelope fields', () => {
    const event = events.eventbridge({
      'detail-type': 'OrderPlaced',
      source: 'shop.orders',
      detail: { id: 'o-1' },
      region: 'us-west-2',
      clock: createClock(Date.UTC(2025, 0, 2, 3, 4, 5, 678)),
    })
    expect(event).toMatchObject({
      version: '0',
      'detail-type': 'OrderPlaced',
      source: 'shop.orders',
      account: '123456789012',
      region: 'us-west-2',
      time: '2025-01-02T03:04:05Z',
      resources: [],
      detail: { id: 'o-1', orderId: 'o-1' },
    })
    expect(event.id).not.toBe(events.eventbridge().id)
  })
})

describe('events.scheduled', () => {
  test('looks like a schedule rule firing', () => {
    const event = events.scheduled({ ruleName: 'nightly', region: 'eu-west-1' })
    expect(event).toMatchObject({ source: 'aws.events', 'detail-type': 'Scheduled Event', detail: {} })
    expect(event.resources).toEqual(['arn:aws:events:eu-west-1:123456789012:rule/nightly'])
    expect(events.scheduled({ resources: ['arn:x'] }).resources).toEqual(['arn:x'])
  })
})
