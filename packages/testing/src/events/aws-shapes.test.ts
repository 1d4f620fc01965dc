import { describe, expect, test } from 'vitest'
import { events } from './events.ts'

describe('builders take events shaped as Lambda delivers them', () => {
  test('kafka: records grouped by topic-partition, as in an MSK event, keep their topics, partitions and values', () => {
    const delivered = events.kafka({
      records: [
        { topic: 'clicks', partition: 1, value: { page: '/a' } },
        { topic: 'orders', partition: 0, value: { id: 'o-1' } },
        { topic: 'clicks', partition: 1, value: { page: '/b' } },
      ],
    })
    const rebuilt = events.kafka(delivered)
    expect(Object.keys(rebuilt.records).sort()).toEqual(['clicks-1', 'orders-0'])
    expect(rebuilt.records['clicks-1']?.map((record) => record.value)).toEqual(
      delivered.records['clicks-1']?.map((record) => record.value),
    )
    expect(rebuilt.eventSourceArn).toBe(delivered.eventSourceArn)
  })

  test('kafka: eventSource SelfManagedKafka builds a self-managed event, without an eventSourceArn', () => {
    const event = events.kafka({ eventSource: 'SelfManagedKafka', records: 2 })
    expect(event.eventSource).toBe('SelfManagedKafka')
    expect(event).not.toHaveProperty('eventSourceArn')
    expect(Object.values(event.records).flat()).toHaveLength(2)
    expect(events.kafka(event).eventSource).toBe('SelfManagedKafka')
  })

  test('lex: overrides with currentIntent build the V1 format, anything else V2', () => {
    const v1 = events.lex({ currentIntent: { name: 'BookHotel' }, outputDialogMode: 'Voice' })
    expect(v1.currentIntent).toMatchObject({ name: 'BookHotel', confirmationStatus: 'None' })
    expect(v1).not.toHaveProperty('sessionState')
    expect(v1.outputDialogMode).toBe('Voice')
    const v2 = events.lex({ inputTranscript: 'roses' })
    expect(v2.sessionState.intent?.name).toBe('OrderFlowers')
    expect(v2).not.toHaveProperty('currentIntent')
  })

  test('eventbridge: a detail of your own type is merged into the default one', () => {
    const event = events.eventbridge({
      'detail-type': 'Order Shipped',
      detail: { orderId: 'o-9', carrier: 'ups' },
    })
    expect(event.detail).toEqual({ orderId: 'o-9', carrier: 'ups' })
    expect(event.detail.carrier).toBe('ups')
    expect(event['detail-type']).toBe('Order Shipped')
  })
})
