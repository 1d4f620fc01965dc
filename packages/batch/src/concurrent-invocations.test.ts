import { setImmediate as nextTurn } from 'node:timers/promises'
import { lambda } from '@sluice/core'
import { after, createClock, createContext, drive, events } from '@sluice/testing'
import type { SQSEvent, SQSRecord } from 'aws-lambda'
import { describe, expect, test } from 'vitest'
import { reported } from '../test-support/reported.ts'
import { batch } from './batch.ts'
import type { RecordFailure } from './options.ts'
import type { RecordContext } from './record-context.ts'

// Lambda Managed Instances run many invocations at once in one worker thread: two batches go through the same
// module-scope `batch()` middleware together, their records interleaved at every await. Nothing of one batch may
// leak into the other: failures, identifiers, deadline, signal, record contexts.

/** What a record handler saw, to check it against the batch the record came from. */
type Seen = { requestId: string | undefined; messageId: string; index: number; itemIdentifier: string }
const seenBy = (record: SQSRecord, ctx: RecordContext<SQSRecord, { requestId?: string }>): Seen => ({
  requestId: ctx.log.requestId,
  messageId: record.messageId,
  index: ctx.index,
  itemIdentifier: ctx.itemIdentifier,
})

describe('batch() with two batches in flight at once through one middleware', () => {
  test('records interleaved at await points: each response lists exactly its own failures', async () => {
    // One deferred per record, settled by the test in an order that alternates between the batches.
    const settle = new Map<string, PromiseWithResolvers<void>>()
    const order: string[] = []
    const seen: Seen[] = []
    const handler = lambda<SQSEvent>()
      .use(
        batch(
          async (record: SQSRecord, ctx: RecordContext<SQSRecord, { requestId?: string }>) => {
            order.push(`start ${ctx.log.requestId}${ctx.index}`)
            const gate = Promise.withResolvers<void>()
            settle.set(record.messageId, gate)
            await gate.promise
            seen.push(seenBy(record, ctx))
            if (record.body === 'fail') throw new Error(`record ${record.messageId} failed`)
          },
          {
            concurrency: 2,
            onAllFailed: 'report',
            log: (_record: SQSRecord, context) => ({ requestId: context?.awsRequestId }),
          },
        ),
      )
      .handler((_event, context) => context.batch)

    const bodies = { a: ['ok', 'fail', 'ok', 'fail', 'ok'], b: ['fail', 'ok', 'ok', 'ok', 'fail'] }
    const eventOf = (list: string[]) => events.sqs({ records: list.map((body) => ({ body })) })
    const a = eventOf(bodies.a)
    const b = eventOf(bodies.b)
    const running = {
      a: handler(a, createContext({ awsRequestId: 'a', timeoutMs: 60_000 })),
      b: handler(b, createContext({ awsRequestId: 'b', timeoutMs: 60_000 })),
    }
    // Settle a0, b0, a1, b1, …: each record that finishes lets the next of its batch start, so both batches
    // always have records in flight at once.
    for (let index = 0; index < 5; index++) {
      for (const event of [a, b]) {
        const id = event.Records[index]?.messageId as string
        while (!settle.has(id)) await nextTurn()
        settle.get(id)?.resolve()
      }
    }
    const [responseA, responseB] = await Promise.all([running.a, running.b])

    const failing = (event: SQSEvent) =>
      event.Records.filter((r) => r.body === 'fail')
        .map((r) => r.messageId)
        .sort()
    expect(reported(responseA)).toEqual(failing(a))
    expect(reported(responseB)).toEqual(failing(b))
    expect(order.slice(0, 4)).toEqual(['start a0', 'start a1', 'start b0', 'start b1'])
    // Every record handler saw its own invocation, index and identifier.
    for (const [requestId, event] of [
      ['a', a],
      ['b', b],
    ] as const) {
      const mine = seen.filter((s) => s.requestId === requestId).sort((x, y) => x.index - y.index)
      expect(mine).toEqual(
        event.Records.map((r, index) => ({
          requestId,
          messageId: r.messageId,
          index,
          itemIdentifier: r.messageId,
        })),
      )
    }
  })

  test('each batch keeps its own deadline and signal: the one near its deadline stops, the other runs on', async () => {
    const clock = createClock(0)
    const failures: Array<RecordFailure<SQSRecord>> = []
    const aborted = new Set<string>()
    const seen: Seen[] = []
    const handler = lambda<SQSEvent>()
      .use(
        batch(
          async (record: SQSRecord, ctx: RecordContext<SQSRecord, { requestId?: string }>) => {
            ctx.signal.addEventListener('abort', () => aborted.add(`${ctx.log.requestId}`))
            seen.push(seenBy(record, ctx))
            await after(clock, 200)
          },
          {
            clock,
            concurrency: 1,
            onAllFailed: 'report',
            log: (_record: SQSRecord, context) => ({ requestId: context?.awsRequestId }),
            onFailure: (failure) => failures.push(failure),
          },
        ),
      )
      .handler((_event, context) => context.batch)

    const short = events.sqs({ records: 5 })
    const long = events.sqs({ records: 5 })
    // short: 1 s timeout, margin 500 ms: records start at 0, 200, 400; then nothing more starts.
    // long: 10 s timeout, margin 1 s: all five run, one after the other, to 1 s.
    const { value } = await drive(clock, () =>
      Promise.all([
        handler(short, createContext({ awsRequestId: 'short', clock, timeoutMs: 1_000 })),
        handler(long, createContext({ awsRequestId: 'long', clock, timeoutMs: 10_000 })),
      ]),
    )
    const [responseShort, responseLong] = value
    expect(reported(responseShort)).toEqual([short.Records[3]?.messageId, short.Records[4]?.messageId].sort())
    expect(responseLong.batchItemFailures).toEqual([])
    expect(failures.map((failure) => [failure.itemIdentifier, failure.reason])).toEqual([
      [short.Records[3]?.messageId, 'deadline'],
      [short.Records[4]?.messageId, 'deadline'],
    ])
    expect([...aborted]).toEqual(['short'])
    expect(seen.filter((s) => s.requestId === 'short').map((s) => s.messageId)).toEqual(
      short.Records.slice(0, 3).map((r) => r.messageId),
    )
    expect(seen.filter((s) => s.requestId === 'long').map((s) => s.messageId)).toEqual(
      long.Records.map((r) => r.messageId),
    )
    expect(clock.pending()).toBe(0)
  })
})
