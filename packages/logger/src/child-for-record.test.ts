import { describe, expect, test } from 'vitest'
import { sample as fixture } from '../../../test/fixtures/corpora/load.ts'
import { childForRecord, recordIdOf } from './child-for-record.ts'
import { createLogger } from './create-logger.ts'
import { memoryDestination } from './memory-destination.ts'

const firstRecord = (name: string) => (fixture(name).Records as unknown[])[0]

describe('recordIdOf', () => {
  test.each([
    ['sqs-event.json', 'MessageID_1'],
    ['sns-event.json', '95df01b4-ee98-5cb9-9903-4c221d41eb5e'],
    ['kinesis-event.json', 'shardId-000000000000:49568167373333333333333333333333333333333333333333333333'],
    ['dynamodb-event.json', 'f07f8ca4b0b26cb9c4e5e77e69f274ee'],
    ['s3-event.json', 'Happy%20Face.jpg'],
  ])('%s → %s', (name, id) => {
    expect(recordIdOf(firstRecord(name))).toBe(id)
  })

  test('Kafka records: topic-partition-offset; EventBridge events: id; anything else: none', () => {
    expect(recordIdOf({ topic: 'orders', partition: 0, offset: 15 })).toBe('orders-0-15')
    expect(recordIdOf(fixture('codebuild-state-change.json'))).toBe('c030038d-8c4d-6141-9545-00ff7b7153EX')
    expect(recordIdOf({ body: 'x' })).toBeUndefined()
    expect(recordIdOf('text')).toBeUndefined()
  })
})

describe('childForRecord', () => {
  test('binds recordId, and a correlation id from the record attribute the parent lacks', () => {
    const out = memoryDestination()
    const parent = createLogger({ destination: out, pretty: false }).child({ requestId: 'req' })
    const record = { messageId: 'm1', messageAttributes: { 'x-correlation-id': { stringValue: 'c1' } } }
    childForRecord(parent, record).info('one')
    childForRecord(parent.child({ correlationId: 'c1' }), record).info('two')
    const lines = out.lines
    expect(JSON.parse(lines[0] as string)).toMatchObject({
      requestId: 'req',
      recordId: 'm1',
      correlationId: 'c1',
    })
    // No duplicate key when the invocation already carries it.
    expect(lines[1]?.match(/"correlationId"/g)).toHaveLength(1)
  })

  test('uses Powertools names when the root does', () => {
    const out = memoryDestination()
    const root = createLogger({ destination: out, pretty: false, fieldNames: 'powertools' })
    childForRecord(root, firstRecord('sqs-event.json')).info('record')
    expect(out.records()[0]).toMatchObject({ record_id: 'MessageID_1', message: 'record' })
  })
})
