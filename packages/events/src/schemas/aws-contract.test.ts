import { events } from '@sluice/testing'
import { describe, expect, test } from 'vitest'
import { detectSource } from '../detect-source.ts'
import { schemas } from '../sources.ts'
import { openEnum } from './open-enum.ts'

// The classes of payload AWS sends that the schemas once rejected (issue 12): each built from a valid event.
const firstKafkaRecord = (event: { records: Record<string, object[]> }): object => {
  const record = Object.values(event.records)[0]?.[0]
  if (record === undefined) throw new Error('the kafka builder made no record')
  return record
}

describe('the schemas accept what AWS sends', () => {
  test('kafka: a record without a key, a tombstone, headers as strings or byte arrays, or no headers', () => {
    for (const change of [
      { key: null },
      { key: undefined },
      { value: null },
      { headers: [{ traceId: 'abc' }, { multi: [[104, 105], [33]] }, { bytes: [104, 105] }] },
      { headers: undefined },
      { timestampType: 'NO_TIMESTAMP_TYPE' },
    ]) {
      const event = events.kafka()
      Object.assign(firstKafkaRecord(event), change)
      expect(schemas.kafka.safeParse(event).error?.issues ?? []).toEqual([])
    }
    const event = events.kafka()
    Object.assign(firstKafkaRecord(event), { headers: [{ bad: [true] }] })
    expect(schemas.kafka.safeParse(event).success).toBe(false)
  })

  test('cloudformation: Update and Delete without PhysicalResourceId; an unknown RequestType still fails', () => {
    for (const RequestType of ['Update', 'Delete'] as const) {
      const event: Record<string, unknown> = {
        ...events.cloudformation({
          RequestType,
          PhysicalResourceId: 'id',
          OldResourceProperties: { ServiceToken: 'arn' },
        }),
      }
      expect(schemas.cloudformation.safeParse(event).success).toBe(true)
      Reflect.deleteProperty(event, 'PhysicalResourceId')
      expect(schemas.cloudformation.safeParse(event).success).toBe(true)
    }
    expect(
      schemas.cloudformation.safeParse({ ...events.cloudformation(), RequestType: 'Rename' }).success,
    ).toBe(false)
  })

  test('secrets manager: a rotation step AWS adds later parses; a non-string step does not', () => {
    const event = events['secrets-manager-rotation']()
    expect(schemas['secrets-manager-rotation'].safeParse({ ...event, Step: 'prepareSecret' }).success).toBe(
      true,
    )
    expect(schemas['secrets-manager-rotation'].safeParse({ ...event, Step: 3 }).success).toBe(false)
  })

  test('mq: ActiveMQ spelled aws:amq is detected and parses; messages without redelivered parse', () => {
    const built = schemas.mq.parse(events.mq())
    const message = built.eventSource === 'aws:rmq' ? undefined : built.messages[0]
    expect(message).toBeDefined()
    if (message !== undefined) Reflect.deleteProperty(message, 'redelivered')
    const event = { ...built, eventSource: 'aws:amq' }
    expect(detectSource(event)).toBe('mq')
    expect(schemas.mq.safeParse(event).error?.issues ?? []).toEqual([])
  })

  test('ses: a receipt without dmarcVerdict parses', () => {
    const event = events.ses()
    const receipt = event.Records[0]?.ses.receipt
    if (receipt !== undefined) Reflect.deleteProperty(receipt, 'dmarcVerdict')
    expect(schemas.ses.safeParse(event).success).toBe(true)
  })

  test('openEnum takes any string and only strings', () => {
    const step = openEnum(['a', 'b'])
    expect(step.safeParse('a').success).toBe(true)
    expect(step.safeParse('added-later').success).toBe(true)
    expect(step.safeParse(1).success).toBe(false)
    expect(step.safeParse(null).success).toBe(false)
  })
})
