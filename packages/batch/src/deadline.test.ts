import { TimeoutError } from '@sluice/core'
import { after, createClock, createContext, drive, events, hang } from '@sluice/testing'
import { describe, expect, test } from 'vitest'
import { reported } from '../test-support/reported.ts'
import { virtualLambda } from '../test-support/virtual-lambda.ts'
import { processBatch } from './process-batch.ts'

describe('the deadline', () => {
  test('records not started when less than the margin is left are reported, and the call returns in time', async () => {
    // 1 s timeout, margin max(500, 10 %) = 500 ms: records of 100 ms one at a time, 5 fit
    const { clock, context } = virtualLambda(1_000)
    const event = events.sqs({ records: 10 })
    const started: number[] = []
    const { value, settledAt } = await drive(clock, () =>
      processBatch(
        event,
        async (_r, { index }) => {
          started.push(index)
          await after(clock, 100)
        },
        { context, clock, concurrency: 1, onAllFailed: 'report' },
      ),
    )
    expect(started).toEqual([0, 1, 2, 3, 4])
    expect(reported(value)).toEqual(
      event.Records.slice(5)
        .map((r) => r.messageId)
        .sort(),
    )
    expect(settledAt).toBe(500)
    expect(clock.pending()).toBe(0)
  })

  test('in-flight records get their signal aborted with a TimeoutError and graceMs to finish', async () => {
    const { clock, context } = virtualLambda(1_000)
    const event = events.sqs({ records: 3 })
    const reasons: unknown[] = []
    const { value, settledAt } = await drive(clock, () =>
      processBatch(
        event,
        async (_r, { index, signal }) => {
          signal.addEventListener('abort', () => reasons.push(signal.reason))
          if (index === 0) return // done at once
          if (index === 1) await after(clock, 600) // finishes 100 ms into the grace period: counts as done
          if (index === 2) await hang() // never finishes: reported when the grace period ends
        },
        { context, clock, graceMs: 200 },
      ),
    )
    expect(reported(value)).toEqual([event.Records[2]?.messageId])
    expect(settledAt).toBe(700) // stop at 500, + 200 ms grace
    expect(reasons.length).toBeGreaterThan(0)
    expect(reasons.every((reason) => reason instanceof TimeoutError)).toBe(true)
    expect(clock.pending()).toBe(0)
  })

  test('a record that honours its signal is reported as failed when it rejects on abort', async () => {
    const { clock, context } = virtualLambda(1_000)
    const event = events.sqs({ records: 1 })
    const { value, settledAt } = await drive(clock, () =>
      processBatch(
        event,
        (_r, { signal }) =>
          new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason))),
        { context, clock, onAllFailed: 'report' },
      ),
    )
    expect(reported(value)).toEqual([event.Records[0]?.messageId])
    expect(settledAt).toBe(500) // no need to wait for the grace period: nothing is left in flight
  })

  test('the grace period never eats more than half the margin', async () => {
    const { clock, context } = virtualLambda(1_000)
    const { settledAt } = await drive(clock, () =>
      processBatch(events.sqs({ records: 1 }), () => hang(), {
        context,
        clock,
        graceMs: 10_000,
        onAllFailed: 'report',
      }),
    )
    expect(settledAt).toBe(750) // stop at 500, return by deadline − margin / 2
  })

  test('marginShare of a long timeout wins over marginMs', async () => {
    const { clock, context } = virtualLambda(60_000) // 10 % = 6 s
    const { settledAt } = await drive(
      clock,
      () =>
        processBatch(events.sqs({ records: 1 }), () => hang(), {
          context,
          clock,
          graceMs: 0,
          onAllFailed: 'report',
        }),
      120_000,
    )
    expect(settledAt).toBe(54_000)
  })

  test('too close to the deadline already: nothing starts, everything is reported', async () => {
    const { clock, context } = virtualLambda(1_000)
    await clock.advance(600)
    let ran = 0
    const response = await processBatch(events.sqs({ records: 4 }), () => void ran++, {
      context,
      clock,
      onAllFailed: 'report',
    })
    expect(ran).toBe(0)
    expect(response.batchItemFailures).toHaveLength(4)
  })

  test('a stream stops at the deadline too: the record in flight and every later one are reported', async () => {
    const { clock, context } = virtualLambda(1_000)
    const event = events['kinesis-stream']({ records: 5 })
    const { value } = await drive(clock, () =>
      processBatch(event, (_r, { index }) => (index < 2 ? after(clock, 100) : hang()), { context, clock }),
    )
    expect(value.batchItemFailures.map((f) => f.itemIdentifier)).toEqual(
      event.Records.slice(2).map((r) => r.kinesis.sequenceNumber),
    )
  })

  test('a record finishing after it was reported changes nothing, and its late rejection is not unhandled', async () => {
    const { clock, context } = virtualLambda(1_000)
    const event = events.sqs({ records: 2 })
    const { value } = await drive(
      clock,
      () =>
        processBatch(
          event,
          (_r, { index }) =>
            index === 0
              ? Promise.resolve()
              : after(clock, 2_000).then(() => Promise.reject(new Error('late'))),
          { context, clock },
        ),
      5_000,
    )
    expect(reported(value)).toEqual([event.Records[1]?.messageId])
  })

  test('without a context there is no deadline and no timer', async () => {
    const clock = createClock(0)
    let pendingDuringRun = -1
    const response = await processBatch(
      events.sqs({ records: 2 }),
      async () => {
        pendingDuringRun = clock.pending()
      },
      { clock },
    )
    expect(response.batchItemFailures).toEqual([])
    expect(pendingDuringRun).toBe(0)
  })

  test('the signal is not aborted while there is time, and a sync-only batch arms no timer', async () => {
    const clock = createClock(0)
    const context = createContext({ clock, timeoutMs: 1_000 })
    const aborted: boolean[] = []
    let pending = -1
    await processBatch(
      events.sqs({ records: 3 }),
      (_r, { signal }) => {
        aborted.push(signal.aborted)
        pending = clock.pending()
      },
      { context, clock },
    )
    expect(aborted).toEqual([false, false, false])
    expect(pending).toBe(0)
  })
})
