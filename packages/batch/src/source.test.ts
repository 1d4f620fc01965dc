import { events } from '@sluice/testing'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { sample as fixture } from '../../../test/fixtures/corpora/load.ts'
import { BatchError, type BatchErrorCode } from './errors.ts'
import { processBatch } from './process-batch.ts'
import { readBatch } from './source.ts'

const errorOf = (fn: () => unknown): BatchError => {
  try {
    fn()
  } catch (error) {
    if (error instanceof BatchError) return error
    throw error
  }
  throw new Error('expected a BatchError')
}

describe('readBatch', () => {
  test('reads the identifier of each source from the AWS sample events', () => {
    expect(readBatch(fixture('sqs-event.json'))).toMatchObject({ source: 'sqs', ids: ['MessageID_1'] })
    expect(readBatch(fixture('kinesis-event.json'))).toMatchObject({
      source: 'kinesis',
      ids: [
        '49568167373333333333333333333333333333333333333333333333',
        '49568167373333333334444444444444444444444444444444444444',
      ],
    })
    expect(readBatch(fixture('dynamodb-event.json'))).toMatchObject({ source: 'dynamodb' })
    expect(readBatch(fixture('dynamodb-time-window-event.json')).ids).toEqual(['111', '222', '333'])
  })

  test('tells SQS FIFO from standard by the queue ARN', () => {
    expect(readBatch(events.sqs({ fifo: true })).source).toBe('sqs-fifo')
    expect(readBatch(events.sqs()).source).toBe('sqs')
    expect(readBatch(events['kinesis-stream']()).source).toBe('kinesis')
    expect(readBatch(events['dynamodb-stream']()).source).toBe('dynamodb')
  })

  test('detects the source by shape when eventSource is missing', () => {
    const event = events.sqs({ records: 2 })
    for (const record of event.Records) delete (record as { eventSource?: string }).eventSource
    expect(readBatch(event).source).toBe('sqs')
  })
})

describe('bad input', () => {
  test.each([undefined, null, 'text', 42, {}, { Records: 'nope' }, { Records: { 0: {} } }])(
    'an event without a Records array (%j) is BATCH_NOT_A_BATCH',
    (event) => {
      const error = errorOf(() => readBatch(event))
      expect(error.code).toBe('BATCH_NOT_A_BATCH')
      expect(error.path).toEqual(['Records'])
    },
  )

  test('records of another source (SNS) are BATCH_UNSUPPORTED_SOURCE', () => {
    const error = errorOf(() => readBatch(fixture('sns-event.json')))
    expect(error.code).toBe('BATCH_UNSUPPORTED_SOURCE')
    expect(error.path).toEqual(['Records', 0, 'eventSource'])
    expect(error.message).toContain('aws:sns')
  })

  test('a batch mixing sources is BATCH_UNSUPPORTED_SOURCE at the first odd record', () => {
    const event = { Records: [...events.sqs({ records: 2 }).Records, ...events['kinesis-stream']().Records] }
    const error = errorOf(() => readBatch(event))
    expect(error.code).toBe('BATCH_UNSUPPORTED_SOURCE')
    expect(error.path).toEqual(['Records', 2, 'eventSource'])
  })

  test('an eventSource named like an Object.prototype key is not a source', () => {
    expect(errorOf(() => readBatch({ Records: [{ eventSource: 'constructor' }] })).code).toBe(
      'BATCH_UNSUPPORTED_SOURCE',
    )
  })

  type Loose = Record<string, unknown>
  const cases: Array<[string, () => { Records: unknown[] }, (record: Loose) => void, string[]]> = [
    ['SQS', () => events.sqs({ records: 3 }), (r) => void delete r.messageId, ['messageId']],
    [
      'SQS (empty id)',
      () => events.sqs({ records: 3 }),
      (r) => {
        r.messageId = ''
      },
      ['messageId'],
    ],
    [
      'Kinesis',
      () => events['kinesis-stream']({ records: 3 }),
      (r) => void delete (r.kinesis as Loose).sequenceNumber,
      ['kinesis', 'sequenceNumber'],
    ],
    [
      'DynamoDB',
      () => events['dynamodb-stream']({ records: 3 }),
      (r) => void delete (r.dynamodb as Loose).SequenceNumber,
      ['dynamodb', 'SequenceNumber'],
    ],
  ]
  test.each(cases)(
    'a %s record without an identifier is BATCH_RECORD_WITHOUT_ID with its path',
    (_, make, spoil, at) => {
      const event = make()
      spoil(event.Records[1] as Loose)
      const error = errorOf(() => readBatch(event))
      expect(error.code).toBe('BATCH_RECORD_WITHOUT_ID')
      expect(error.path).toEqual(['Records', 1, ...at])
    },
  )

  test('processBatch rejects bad input before running any record', async () => {
    const event = events.sqs({ records: 3 })
    delete (event.Records[2] as { messageId?: string }).messageId
    let ran = 0
    await expect(processBatch(event, () => void ran++)).rejects.toMatchObject({
      code: 'BATCH_RECORD_WITHOUT_ID',
    })
    expect(ran).toBe(0)
  })

  test('any JSON value is either read as a batch or refused with a BatchError, never a crash', () => {
    const codes: BatchErrorCode[] = [
      'BATCH_NOT_A_BATCH',
      'BATCH_UNSUPPORTED_SOURCE',
      'BATCH_RECORD_WITHOUT_ID',
    ]
    const record = fc.oneof(
      fc.jsonValue(),
      fc.record({
        eventSource: fc.constantFrom('aws:sqs', 'aws:kinesis', 'aws:dynamodb', 'aws:sns'),
        messageId: fc.jsonValue(),
      }),
      fc.record({ kinesis: fc.record({ sequenceNumber: fc.jsonValue() }) }, { requiredKeys: [] }),
      fc.record({ dynamodb: fc.record({ SequenceNumber: fc.jsonValue() }) }, { requiredKeys: [] }),
    )
    fc.assert(
      fc.property(
        fc.oneof(fc.jsonValue(), fc.record({ Records: fc.array(record, { maxLength: 5 }) })),
        (event) => {
          try {
            const { ids, records } = readBatch(event)
            expect(ids).toHaveLength(records.length)
            for (const id of ids) expect(id).toMatch(/./)
          } catch (error) {
            expect(error).toBeInstanceOf(BatchError)
            expect(codes).toContain((error as BatchError).code)
          }
        },
      ),
      { numRuns: 1_000 },
    )
  })
})

describe('bad options', () => {
  test.each([
    ['concurrency', { concurrency: 0 }],
    ['concurrency', { concurrency: 1.5 }],
    ['marginMs', { marginMs: -1 }],
    ['marginShare', { marginShare: 1 }],
    ['graceMs', { graceMs: Number.NaN }],
    ['onAllFailed', { onAllFailed: 'ignore' }],
    ['schema', { schema: { parse: () => 1 } }],
    ['wrapRecord', { wrapRecord: 'yes' }],
    ['log', { log: {} }],
    ['onFailure', { onFailure: 1 }],
    ['clock', { clock: { now: () => 0 } }],
  ])('a bad %s is BATCH_INVALID_OPTION naming it', async (name, options) => {
    const error = await processBatch(events.sqs(), () => undefined, options as never).catch((e) => e)
    expect(error).toBeInstanceOf(BatchError)
    expect(error.code).toBe('BATCH_INVALID_OPTION')
    expect(error.path).toEqual([name])
  })

  test('a record handler that is not a function is BATCH_INVALID_OPTION', async () => {
    await expect(processBatch(events.sqs(), 'nope' as never)).rejects.toMatchObject({
      code: 'BATCH_INVALID_OPTION',
      path: ['recordHandler'],
    })
  })
})
