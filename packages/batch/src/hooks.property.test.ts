// Property tests over the hooks a user hands to processBatch: whatever wrapRecord, the record logger factory
// and onFailure throw or reject, the response reports exactly the records not completed, and nothing escapes.
import { events } from '@sluice/testing'
import fc from 'fast-check'
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { recordId } from '../test-support/record-id.ts'
import { BatchError } from './errors.ts'
import { processBatch } from './process-batch.ts'
import type { BatchRecord, BatchSource } from './source.ts'

type HandlerOutcome = 'ok' | 'throw' | 'async-ok' | 'reject' | 'throw-proxy'
type WrapMode = 'pass' | 'skip' | 'throw-before' | 'reject-before' | 'throw-after'
type FailureHook = 'none' | 'ok' | 'throw' | 'reject' | 'throw-revoked-proxy'

const revoked = (): object => {
  const { proxy, revoke } = Proxy.revocable({}, {})
  revoke()
  return proxy
}

const recordPlan = fc.record({
  outcome: fc.constantFrom<HandlerOutcome>('ok', 'throw', 'async-ok', 'reject', 'throw-proxy'),
  wrap: fc.constantFrom<WrapMode>('pass', 'pass', 'skip', 'throw-before', 'reject-before', 'throw-after'),
  readsLog: fc.boolean(),
})

const scenario = fc.record({
  records: fc.array(recordPlan, { maxLength: 12 }),
  groups: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 12, maxLength: 12 }),
  wrapping: fc.boolean(),
  logThrows: fc.boolean(),
  onFailure: fc.constantFrom<FailureHook>('none', 'ok', 'throw', 'reject', 'throw-revoked-proxy'),
  onAllFailed: fc.constantFrom('throw' as const, 'report' as const),
  concurrency: fc.integer({ min: 1, max: 4 }),
})
type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never

const eventFor = (source: BatchSource, count: number, groups: number[]): { Records: BatchRecord[] } => {
  if (source === 'kinesis') return events['kinesis-stream']({ records: count })
  if (source === 'dynamodb') return events['dynamodb-stream']({ records: count })
  const event = events.sqs({ records: count, fifo: source === 'sqs-fifo' })
  if (source === 'sqs-fifo') {
    for (const [i, record] of event.Records.entries()) record.attributes.MessageGroupId = `g${groups[i]}`
  }
  return event
}

/** Whether record i completes on its own, ignoring its lane. */
const completes = (s: Scenario, i: number): boolean => {
  const plan = s.records[i] as Scenario['records'][number]
  if (s.wrapping && plan.wrap === 'skip') return true
  if (s.wrapping && plan.wrap !== 'pass') return false
  if (plan.readsLog && s.logThrows) return false
  return plan.outcome === 'ok' || plan.outcome === 'async-ok'
}

/** The records the rules say must be reported: not completed, or after a failure in a FIFO group or a stream. */
const expectedFailures = (source: BatchSource, s: Scenario, ids: string[]): string[] => {
  const all = ids.map((_, i) => i)
  const lanes =
    source === 'sqs'
      ? all.map((i) => [i])
      : source === 'sqs-fifo'
        ? [0, 1, 2].map((g) => all.filter((i) => s.groups[i] === g))
        : [all]
  const failed = new Set<number>()
  for (const lane of lanes) {
    const first = lane.findIndex((i) => !completes(s, i))
    if (first >= 0) for (const i of lane.slice(first)) failed.add(i)
  }
  return all.filter((i) => failed.has(i)).map((i) => ids[i] as string)
}

const check = (source: BatchSource) =>
  fc.asyncProperty(scenario, async (s) => {
    const event = eventFor(source, s.records.length, s.groups)
    const ids = event.Records.map(recordId)
    const handler = async (_record: unknown, ctx: { index: number; log: unknown }) => {
      const plan = s.records[ctx.index] as Scenario['records'][number]
      if (plan.readsLog) void ctx.log
      if (plan.outcome === 'throw') throw new Error('sync boom')
      if (plan.outcome === 'throw-proxy') throw revoked()
      await Promise.resolve()
      if (plan.outcome === 'reject') throw new Error('async boom')
    }
    const wrapRecord = async (record: BatchRecord, run: () => Promise<unknown>) => {
      const plan = s.records[ids.indexOf(recordId(record))] as Scenario['records'][number]
      if (plan.wrap === 'throw-before') throw revoked()
      if (plan.wrap === 'reject-before') return Promise.reject(new Error('store down'))
      if (plan.wrap === 'skip') return
      await run()
      if (plan.wrap === 'throw-after') throw new Error('could not save the result')
    }
    const onFailure = (): unknown => {
      if (s.onFailure === 'throw') throw new Error('metrics down')
      if (s.onFailure === 'throw-revoked-proxy') throw revoked()
      if (s.onFailure === 'reject') return Promise.reject(new Error('metrics down'))
      return undefined
    }
    const options = {
      concurrency: s.concurrency,
      onAllFailed: s.onAllFailed,
      log: () => {
        if (s.logThrows) throw new Error('logger factory broke')
        return console
      },
      ...(s.wrapping ? { wrapRecord } : {}),
      ...(s.onFailure === 'none' ? {} : { onFailure }),
    }
    const expected = expectedFailures(source, s, ids)
    let reported: string[]
    try {
      const response = await processBatch(event, handler as never, options as never)
      reported = response.batchItemFailures.map((f) => f.itemIdentifier)
      expect(s.onAllFailed === 'throw' && expected.length === ids.length && ids.length > 0).toBe(false)
    } catch (error) {
      // The one error processBatch may throw here: every record failed and onAllFailed is 'throw'.
      expect(error).toBeInstanceOf(BatchError)
      expect((error as BatchError).code).toBe('BATCH_ALL_FAILED')
      reported = (error as BatchError).batchItemFailures.map((f) => f.itemIdentifier)
    }
    expect(reported.sort()).toEqual([...expected].sort())
    await new Promise((resolve) => setImmediate(resolve))
    const hookBreaks =
      s.onFailure === 'throw' || s.onFailure === 'reject' || s.onFailure === 'throw-revoked-proxy'
    const warnings = vi.mocked(process.emitWarning).mock.calls.map(([warning]) => warning)
    expect(warnings).toHaveLength(hookBreaks ? expected.length : 0)
    for (const warning of warnings) expect(warning).toMatchObject({ code: 'BATCH_HOOK_FAILED' })
    vi.mocked(process.emitWarning).mockClear()
  })

describe('hooks that throw or reject never escape, never lose a record', () => {
  beforeEach(() => void vi.spyOn(process, 'emitWarning').mockImplementation(() => undefined))
  afterEach(() => vi.restoreAllMocks())

  test.each(['sqs', 'sqs-fifo', 'kinesis', 'dynamodb'] as const)(
    '%s: the response reports exactly the records not completed; a broken onFailure is a warning',
    async (source) => {
      await fc.assert(check(source), { numRuns: 500 })
    },
    60_000,
  )
})
