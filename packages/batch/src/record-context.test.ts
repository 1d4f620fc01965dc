import { createContext, events } from '@sluice/testing'
import { describe, expect, test } from 'vitest'
import { processBatch } from './process-batch.ts'
import type { RecordContext } from './record-context.ts'

describe('the per-record context', () => {
  test('carries the record, its index, its identifier and the invocation context', async () => {
    const event = events.sqs({ records: 3 })
    const context = createContext()
    const seen: Array<[unknown, number, string, unknown]> = []
    await processBatch(
      event,
      (record, ctx) => {
        seen.push([ctx.record === record, ctx.index, ctx.itemIdentifier, ctx.context === context])
      },
      { context },
    )
    expect(seen).toEqual(event.Records.map((r, i) => [true, i, r.messageId, true]))
  })

  test('attempt is SQS ApproximateReceiveCount, undefined for streams', async () => {
    const attempts: Array<number | undefined> = []
    await processBatch(
      events.sqs({ records: 1, receiveCount: 4 }),
      (_r, { attempt }) => void attempts.push(attempt),
    )
    await processBatch(
      events['kinesis-stream']({ records: 1 }),
      (_r, { attempt }) => void attempts.push(attempt),
    )
    expect(attempts).toEqual([4, undefined])
  })

  test('log is made by the log option on first read only, once per record', async () => {
    const made: string[] = []
    const logs: unknown[] = []
    await processBatch(
      events.sqs({ records: 3 }),
      (_r, ctx) => {
        if (ctx.index === 1) return
        logs.push(ctx.log, ctx.log)
      },
      {
        log: (record) => {
          made.push(record.messageId)
          return { child: record.messageId }
        },
      },
    )
    expect(made).toHaveLength(2)
    expect(logs[0]).toBe(logs[1])
    expect(logs[2]).not.toBe(logs[0])
  })

  test('log is undefined without the option', async () => {
    let log: unknown = 'unset'
    await processBatch(events.sqs(), (_r, ctx: RecordContext<unknown>) => {
      log = ctx.log
    })
    expect(log).toBeUndefined()
  })
})

describe('wrapRecord (the per-record idempotency hook)', () => {
  test('a record the hook skips (already completed) counts as success; its handler never runs', async () => {
    const event = events.sqs({ records: 3 })
    const done = new Set([event.Records[1]?.messageId])
    const ran: number[] = []
    const response = await processBatch(
      event,
      (_r, { index }) => {
        ran.push(index)
      },
      { wrapRecord: (record, run) => (done.has(record.messageId) ? Promise.resolve('stored') : run()) },
    )
    expect(ran).toEqual([0, 2])
    expect(response.batchItemFailures).toEqual([])
  })

  test("the hook's rejection fails the record (e.g. another invocation holds it), the handler's error passes through", async () => {
    const event = events.sqs({ records: 3 })
    const response = await processBatch(
      event,
      (_r, { index }) => {
        if (index === 2) throw new Error('handler failed')
      },
      {
        wrapRecord: async (record, run, context) => {
          expect(context).toBeUndefined()
          if (record === event.Records[0]) throw new Error('in progress elsewhere')
          return run()
        },
      },
    )
    expect(response.batchItemFailures.map((f) => f.itemIdentifier).sort()).toEqual(
      [event.Records[0]?.messageId, event.Records[2]?.messageId].sort(),
    )
  })
})
