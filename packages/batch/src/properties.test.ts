// Property tests over random batches of outcomes, in virtual time: every run finishes in well under a
// millisecond of real time however long its records "take".
import { createClock, createContext, events, hang } from '@sluice/testing'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { recordId } from '../test-support/record-id.ts'
import { processBatch } from './process-batch.ts'
import type { BatchRecord, BatchSource } from './source.ts'

type Outcome =
  | { kind: 'sync-ok' | 'sync-throw' | 'hang' | 'abort-reject' | 'abort-resolve' }
  | { kind: 'ok' | 'throw' | 'slow'; ms: number }

const outcome: fc.Arbitrary<Outcome> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({ kind: fc.constant('ok' as const), ms: fc.integer({ min: 0, max: 300 }) }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('throw' as const), ms: fc.integer({ min: 0, max: 300 }) }),
  },
  // slow past the deadline: finishes long after the function timeout (or within the grace period, by chance)
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('slow' as const), ms: fc.integer({ min: 300, max: 4_000 }) }),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(...(['sync-ok', 'sync-throw', 'hang'] as const)).map((kind) => ({ kind })),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(...(['abort-reject', 'abort-resolve'] as const)).map((kind) => ({ kind })),
  },
)

const scenario = fc.record({
  outcomes: fc.array(outcome, { maxLength: 25 }),
  groups: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 25, maxLength: 25 }),
  timeoutMs: fc.integer({ min: 400, max: 3_000 }),
  marginMs: fc.integer({ min: 20, max: 600 }),
  marginShare: fc.constantFrom(0, 0.05, 0.1, 0.3),
  graceMs: fc.integer({ min: 0, max: 400 }),
  concurrency: fc.integer({ min: 1, max: 12 }),
})

const eventFor = (source: BatchSource, count: number, groups: number[]): { Records: BatchRecord[] } => {
  if (source === 'kinesis') return events['kinesis-stream']({ records: count })
  if (source === 'dynamodb') return events['dynamodb-stream']({ records: count })
  const event = events.sqs({ records: count, fifo: source === 'sqs-fifo' })
  if (source === 'sqs-fifo') {
    event.Records.forEach((record, i) => {
      record.attributes.MessageGroupId = `g${groups[i]}`
    })
  }
  return event
}

/** Record ids in the lane order the rules are stated in: FIFO per message group, streams as one lane. */
const lanesOf = (source: BatchSource, count: number, groups: number[]): number[][] => {
  const all = Array.from({ length: count }, (_, i) => i)
  if (source === 'sqs') return all.map((i) => [i])
  if (source !== 'sqs-fifo') return [all]
  return [0, 1, 2, 3].map((g) => all.filter((i) => groups[i] === g)).filter((lane) => lane.length > 0)
}

interface Trace {
  start?: number
  end?: number
  ok?: boolean
  /** Settled (either way) before processBatch returned. */
  settledBeforeReturn?: boolean
}

const check = (source: BatchSource) =>
  fc.asyncProperty(scenario, async (s) => {
    const count = s.outcomes.length
    const clock = createClock(0)
    const context = createContext({ clock, timeoutMs: s.timeoutMs })
    const event = eventFor(source, count, s.groups)
    const idOf = (i: number) => recordId(event.Records[i])
    const traces: Trace[] = Array.from({ length: count }, () => ({}))
    let returned = false
    let handlerTimers = 0
    let inFlight = 0
    let mostInFlight = 0
    const wait = (ms: number) =>
      new Promise<void>((resolve) => {
        handlerTimers += 1
        clock.setTimeout(() => {
          handlerTimers -= 1
          resolve()
        }, ms)
      })
    const settle = (i: number, ok: boolean) => {
      traces[i] = { ...traces[i], end: clock.now(), ok, settledBeforeReturn: !returned }
      inFlight -= 1
    }
    const handler = (_record: unknown, ctx: { index: number; signal: AbortSignal }): unknown => {
      const i = ctx.index
      const o = s.outcomes[i] as Outcome
      traces[i] = { start: clock.now() }
      mostInFlight = Math.max(mostInFlight, ++inFlight)
      const run = async (): Promise<void> => {
        if (o.kind === 'ok' || o.kind === 'slow') await wait(o.ms)
        else if (o.kind === 'throw') await wait(o.ms).then(() => Promise.reject(new Error('boom')))
        else if (o.kind === 'hang') await hang()
        else
          await new Promise<void>((resolve, reject) =>
            ctx.signal.addEventListener('abort', () =>
              o.kind === 'abort-resolve' ? resolve() : reject(new Error('aborted')),
            ),
          )
      }
      if (o.kind === 'sync-ok') return settle(i, true)
      if (o.kind === 'sync-throw') {
        settle(i, false)
        throw new Error('sync boom')
      }
      return run().then(
        () => settle(i, true),
        (error) => {
          settle(i, false)
          throw error
        },
      )
    }
    let settledAt = Number.NaN
    let timersAtReturn = -1
    const options = { ...s, context, clock, onAllFailed: 'report' as const }
    const promise = processBatch(event, handler as never, options).finally(() => {
      returned = true
      settledAt = clock.now()
      timersAtReturn = clock.pending() - handlerTimers
    })
    await clock.advance(s.timeoutMs + 1_000)
    const response = await promise

    // 1. exactly the records that did not complete are reported
    const expected = traces.flatMap((t, i) => (t.ok && t.settledBeforeReturn ? [] : [idOf(i)])).sort()
    expect(response.batchItemFailures.map((f) => f.itemIdentifier).sort()).toEqual(expected)
    // 2. the response comes before Lambda's deadline, and no timer of ours outlives the call
    expect(settledAt).toBeLessThan(s.timeoutMs)
    expect(timersAtReturn).toBe(0)
    // 3. no record starts inside the margin; a record left unstarted means the deadline was reached, or (FIFO,
    //    streams) an earlier record of its lane did not complete
    const margin = Math.ceil(Math.max(s.marginMs, s.marginShare * s.timeoutMs))
    const stopAt = s.timeoutMs - margin
    for (const lane of lanesOf(source, count, s.groups)) {
      let blocked = false
      let previousEnd = Number.NEGATIVE_INFINITY
      for (const i of lane) {
        const t = traces[i] as Trace
        if (t.start === undefined) {
          if (!blocked) expect(settledAt).toBeGreaterThanOrEqual(stopAt)
          blocked = true // once one record of a lane did not start, no later one may
          continue
        }
        expect(blocked).toBe(false)
        expect(t.start).toBeLessThan(stopAt)
        expect(t.start).toBeGreaterThanOrEqual(previousEnd) // one at a time, in event order
        if (!(t.ok && t.settledBeforeReturn)) blocked = true
        previousEnd = t.end ?? Number.POSITIVE_INFINITY
      }
    }
    // 4. concurrency: SQS standard records, or FIFO groups; streams one at a time
    if (source === 'sqs' || source === 'sqs-fifo') expect(mostInFlight).toBeLessThanOrEqual(s.concurrency)
    else expect(mostInFlight).toBeLessThanOrEqual(1)
    // 5. a record that listens to its signal is never left hanging by a stopped batch
    s.outcomes.forEach((o, i) => {
      const t = traces[i] as Trace
      if (o.kind.startsWith('abort') && t.start !== undefined) expect(t.settledBeforeReturn).toBe(true)
    })
  })

describe('random batches of outcomes (resolve, throw, hang, slow past the deadline), in virtual time', () => {
  test.each(['sqs', 'sqs-fifo', 'kinesis', 'dynamodb'] as const)(
    '%s: reports exactly the records not completed, keeps the ordering rules, returns before the deadline',
    async (source) => {
      await fc.assert(check(source), { numRuns: 1_000 })
    },
    60_000,
  )
})
