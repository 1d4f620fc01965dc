import { after, drive, events } from '@sluice/testing'
import type { DynamoDBRecord, KinesisStreamRecord, SQSRecord } from 'aws-lambda'
import { describe, expect, test } from 'vitest'
import { reported } from '../test-support/reported.ts'
import { virtualLambda } from '../test-support/virtual-lambda.ts'
import { BatchError } from './errors.ts'
import { processBatch } from './process-batch.ts'

const boom = (index: number) => new Error(`record ${index} failed`)

describe('SQS standard', () => {
  test('reports exactly the records whose handler threw or rejected', async () => {
    const event = events.sqs({ records: 12 })
    const response = await processBatch(event, async (_record, { index }) => {
      if (index % 4 === 1) throw boom(index)
      if (index % 4 === 2) return Promise.reject(boom(index))
    })
    const expected = event.Records.filter((_, i) => i % 4 === 1 || i % 4 === 2).map((r) => r.messageId)
    expect(reported(response)).toEqual(expected.sort())
  })

  test('reports nothing when every record succeeds, with sync and async handlers alike', async () => {
    const event = events.sqs({ records: 5 })
    expect(await processBatch(event, () => undefined)).toEqual({ batchItemFailures: [] })
    expect(await processBatch(event, async () => 'ok')).toEqual({ batchItemFailures: [] })
  })

  test('a synchronous throw fails only its record', async () => {
    const event = events.sqs({ records: 3 })
    const response = await processBatch(event, (_record, { index }) => {
      if (index === 1) throw boom(index)
    })
    expect(reported(response)).toEqual([event.Records[1]?.messageId])
  })

  test('runs at most `concurrency` records at once (default 10) and still runs them all', async () => {
    for (const concurrency of [undefined, 1, 3]) {
      const { clock, context } = virtualLambda(60_000)
      const event = events.sqs({ records: 25 })
      let inFlight = 0
      let most = 0
      let ran = 0
      await drive(clock, () =>
        processBatch(
          event,
          async (_record, { index }) => {
            inFlight += 1
            most = Math.max(most, inFlight)
            await after(clock, 10 + (index % 7))
            inFlight -= 1
            ran += 1
          },
          { context, clock, concurrency },
        ),
      )
      expect(most).toBe(concurrency ?? 10)
      expect(ran).toBe(25)
    }
  })

  test('an empty batch reports nothing and never throws, whatever onAllFailed says', async () => {
    expect(await processBatch({ Records: [] as SQSRecord[] }, () => undefined)).toEqual({
      batchItemFailures: [],
    })
  })
})

describe('SQS FIFO', () => {
  const fifo = (records: number, groups: number) => events.sqs({ records, fifo: true, groups })

  test('after a failure the rest of its message group is reported without running; other groups go on', async () => {
    // 12 records round-robin over 3 groups: group-0 = 0,3,6,9; group-1 = 1,4,7,10; group-2 = 2,5,8,11
    const event = fifo(12, 3)
    const ran: number[] = []
    const response = await processBatch(event, async (_record, { index }) => {
      ran.push(index)
      if (index === 4) throw boom(index)
    })
    expect(ran.sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 8, 9, 11])
    const ids = event.Records.map((r) => r.messageId)
    expect(reported(response)).toEqual([ids[4], ids[7], ids[10]].sort())
  })

  test('records of a group run one after the other in event order, groups side by side', async () => {
    const { clock, context } = virtualLambda(60_000)
    const event = fifo(9, 3)
    const log: string[] = []
    const inGroup = new Map<string, number>()
    let concurrentGroups = 0
    let most = 0
    await drive(clock, () =>
      processBatch(
        event,
        async (record, { index }) => {
          const group = record.attributes.MessageGroupId as string
          expect(inGroup.get(group) ?? 0).toBe(0) // never two records of one group at once
          inGroup.set(group, 1)
          most = Math.max(most, ++concurrentGroups)
          log.push(`${group}:${index}`)
          await after(clock, 5)
          inGroup.set(group, 0)
          concurrentGroups -= 1
        },
        { context, clock },
      ),
    )
    for (const group of ['group-0', 'group-1', 'group-2']) {
      const order = log
        .filter((entry) => entry.startsWith(`${group}:`))
        .map((entry) => Number(entry.split(':')[1]))
      expect(order).toEqual([...order].sort((a, b) => a - b))
    }
    expect(most).toBe(3)
  })

  test('is detected from MessageGroupId even when the queue ARN does not end in .fifo', async () => {
    const event = fifo(4, 1)
    for (const record of event.Records) record.eventSourceARN = 'arn:aws:sqs:us-east-1:123456789012:renamed'
    const ran: number[] = []
    const response = await processBatch(event, (_record, { index }) => {
      ran.push(index)
      if (index === 1) throw boom(index)
    })
    expect(ran).toEqual([0, 1])
    expect(response.batchItemFailures).toHaveLength(3)
  })
})

describe.each([
  [
    'Kinesis',
    () => events['kinesis-stream']({ records: 6 }),
    (r: KinesisStreamRecord) => r.kinesis.sequenceNumber,
  ],
  [
    'DynamoDB Streams',
    () => events['dynamodb-stream']({ records: 6 }),
    (r: DynamoDBRecord) => r.dynamodb?.SequenceNumber,
  ],
] as const)('%s', (_name, makeEvent, idOf) => {
  test('runs strictly one record at a time, stops at the first failure and reports it and everything after', async () => {
    const { clock, context } = virtualLambda(60_000)
    const event = makeEvent()
    const ran: number[] = []
    let inFlight = 0
    const { value } = await drive(clock, () =>
      processBatch(
        event as { Records: Array<KinesisStreamRecord | DynamoDBRecord> },
        async (_record, { index }) => {
          expect(++inFlight).toBe(1)
          ran.push(index)
          await after(clock, 3)
          inFlight -= 1
          if (index === 2) throw boom(index)
        },
        { context, clock },
      ),
    )
    expect(ran).toEqual([0, 1, 2])
    const ids = (event.Records as Array<KinesisStreamRecord & DynamoDBRecord>).map((r) => idOf(r))
    expect(value.batchItemFailures.map((f) => f.itemIdentifier)).toEqual(ids.slice(2))
  })
})

describe('when every record fails', () => {
  test('throws BATCH_ALL_FAILED by default, carrying the identifiers and the record errors', async () => {
    const event = events.sqs({ records: 3 })
    const error = await processBatch(event, (_r, { index }) => Promise.reject(boom(index))).catch((e) => e)
    expect(error).toBeInstanceOf(BatchError)
    expect(error.code).toBe('BATCH_ALL_FAILED')
    expect(error.batchItemFailures.map((f: { itemIdentifier: string }) => f.itemIdentifier).sort()).toEqual(
      event.Records.map((r) => r.messageId).sort(),
    )
    expect((error.cause as AggregateError).errors.map((e: Error) => e.message).sort()).toEqual([
      'record 0 failed',
      'record 1 failed',
      'record 2 failed',
    ])
  })

  test("with onAllFailed: 'report' returns every identifier instead", async () => {
    const event = events.sqs({ records: 3 })
    const response = await processBatch(event, () => Promise.reject(new Error('down')), {
      onAllFailed: 'report',
    })
    expect(reported(response)).toEqual(event.Records.map((r) => r.messageId).sort())
  })

  test('a stream whose first record fails counts as all failed (the rest is blocked)', async () => {
    const event = events['kinesis-stream']({ records: 4 })
    const error = await processBatch(event, () => {
      throw new Error('poison')
    }).catch((e) => e)
    expect(error.code).toBe('BATCH_ALL_FAILED')
    expect(error.batchItemFailures).toHaveLength(4)
  })
})

test('onFailure hears about every reported record once, with why it was reported', async () => {
  const event = events.sqs({ records: 4, fifo: true, groups: 1 })
  const seen: Array<[number, string, unknown]> = []
  await processBatch(
    event,
    (_r, { index }) => {
      if (index === 1) throw boom(index)
    },
    {
      onFailure: ({ index, reason, error }) =>
        seen.push([index, reason, (error as Error | undefined)?.message]),
    },
  )
  expect(seen).toEqual([
    [1, 'error', 'record 1 failed'],
    [2, 'blocked', undefined],
    [3, 'blocked', undefined],
  ])
})
