import { createClock, createContext, events, hang } from '@sluice/testing'
import type { SQSRecord } from 'aws-lambda'
import { describe, expect, test } from 'vitest'
import { countingStore } from '../test-support/counting-store.ts'
import { idempotentRecord } from './idempotent-record.ts'
import { memoryStore } from './memory-store.ts'

describe('idempotentRecord()', () => {
  test('a redelivered batch runs only the records that did not complete', async () => {
    const once = idempotentRecord<SQSRecord>({ key: ['body.orderId'] })
    const event = events.sqs({ records: 3, body: (i) => ({ orderId: `o-${i}` }) })
    const fulfilled: string[] = []
    const process = (record: SQSRecord) => {
      const { orderId } = JSON.parse(record.body) as { orderId: string }
      if (orderId === 'o-1' && fulfilled.length < 2) throw new Error('warehouse busy')
      fulfilled.push(orderId)
      return { orderId }
    }
    const first = await Promise.allSettled(event.Records.map((record) => once(record, () => process(record))))
    expect(first.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'fulfilled'])
    const second = await Promise.all(event.Records.map((record) => once(record, () => process(record))))
    expect(second).toEqual([{ orderId: 'o-0' }, { orderId: 'o-1' }, { orderId: 'o-2' }])
    expect(fulfilled).toEqual(['o-0', 'o-2', 'o-1'])
  })

  test('a record another invocation holds is refused with IDEMPOTENCY_IN_PROGRESS until its deadline', async () => {
    const clock = createClock(0)
    const counted = countingStore(memoryStore())
    const once = idempotentRecord<SQSRecord>({
      key: (record) => record.messageId,
      store: counted.store,
      now: clock.now,
    })
    const [record] = events.sqs({ records: 1 }).Records
    if (record === undefined) throw new Error('no record')
    const context = createContext({ timeoutMs: 3000, clock })
    void once(record, () => hang(), context)
    await clock.advance(2_000)
    await expect(once(record, () => 'late', createContext({ clock }))).rejects.toMatchObject({
      code: 'IDEMPOTENCY_IN_PROGRESS',
    })
    await clock.advance(1_001)
    expect(await once(record, () => 'taken over', createContext({ clock }))).toBe('taken over')
    expect(counted.calls).toEqual(['claim', 'claim', 'claim', 'complete'])
  })

  test('each record is keyed on its own: an empty key is missing, an unwritable one invalid, the rest run once', async () => {
    const once = idempotentRecord<{ id: unknown }>({
      key: (record) => ({ id: record.id }),
      onMissingKey: 'skip',
    })
    const runs: unknown[] = []
    const records = [{ id: 'a' }, { id: 10n }, { id: 'a' }, { id: Number.NaN }, { id: 'b' }]
    const outcomes = await Promise.allSettled(
      records.map((record) => once(record, () => runs.push(record.id))),
    )
    expect(outcomes.map((outcome) => (outcome.status === 'fulfilled' ? 'ok' : outcome.reason.code))).toEqual([
      'ok',
      'IDEMPOTENCY_KEY_INVALID',
      'IDEMPOTENCY_IN_PROGRESS',
      'ok',
      'ok',
    ])
    // The NaN record had no key and ran unguarded ('skip'); 'skip' never covers an invalid key.
    expect(runs).toHaveLength(3)
    expect(runs).toEqual(expect.arrayContaining(['a', Number.NaN, 'b']))
  })

  test("onMissingKey: 'skip' runs records without a key unguarded", async () => {
    const once = idempotentRecord<{ id?: string }>({ key: (record) => record.id, onMissingKey: 'skip' })
    let runs = 0
    await once({}, () => ++runs)
    await once({}, () => ++runs)
    expect(runs).toBe(2)
  })
})
