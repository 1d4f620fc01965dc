import { fileURLToPath } from 'node:url'
import { startRuntime } from '@sluice/runtime'
import { events } from '@sluice/testing'
import type { SQSEvent } from 'aws-lambda'
import { afterEach, beforeEach, expect, test } from 'vitest'
import { type Rendezvous, startRendezvous } from '../support/rendezvous.ts'
import { warmWorkers } from '../support/workers.ts'

// End to end on Lambda Managed Instances: one container of the local runtime, the real aws-lambda-ric with two
// worker threads, four SQS batches in flight at once (so at least two share a worker and its module-scope
// batch() middleware). Every record of every batch starts before any finishes: the records wait at a gate the
// test opens only once all of them have arrived.

const cwd = fileURLToPath(new URL('../..', import.meta.url))
const BATCHES = 4
const RECORDS = 5

let meeting: Rendezvous
beforeEach(async () => {
  meeting = await startRendezvous()
})
afterEach(async () => {
  await meeting.stop()
})

/** Batch `n`: five records, a different pair of them failing in each batch. */
const batchOf = (n: number): SQSEvent =>
  events.sqs({
    records: Array.from({ length: RECORDS }, (_, index) => ({
      body: index === n % RECORDS || index === (n + 2) % RECORDS ? 'fail' : 'ok',
    })),
  })

test('four batches in flight at once under maxConcurrency 4: each response reports exactly its own failed records', async () => {
  await using runtime = await startRuntime({
    handler: 'test/fixtures/batch/managed-instances.ts#handler',
    cwd,
    timeoutMs: 20_000,
    concurrency: BATCHES,
    maxConcurrency: BATCHES,
    workers: 2,
    env: { RENDEZVOUS_URL: meeting.url },
  })
  await warmWorkers(runtime, 2)

  const batches = Array.from({ length: BATCHES }, (_, n) => batchOf(n))
  const pending = batches.map((event) => runtime.invoke(event))
  await meeting.reached('started', BATCHES * RECORDS)
  meeting.open('go')
  const results = await Promise.all(pending)

  expect(new Set(results.map((result) => result.containerId)).size).toBe(1)
  expect(Math.max(...results.map((result) => result.concurrency))).toBe(BATCHES)
  results.forEach((result, n) => {
    const event = batches[n] as SQSEvent
    expect(result.error).toBeUndefined()
    const failed = event.Records.filter((record) => record.body === 'fail').map((record) => record.messageId)
    const reported = (result.result as { batchItemFailures: Array<{ itemIdentifier: string }> })
      .batchItemFailures
    expect(reported.map((failure) => failure.itemIdentifier).sort()).toEqual(failed.sort())
    // Each record's context was its own invocation's, and its log line reached that invocation's logs.
    const records = result.logs.flatMap((line) => {
      const match = /record (\S+) of (\S+) on/.exec(line)
      return match === null ? [] : [{ id: match[1], requestId: match[2] }]
    })
    expect(records.map((record) => record.id).sort()).toEqual(event.Records.map((r) => r.messageId).sort())
    for (const record of records) expect(record.requestId).toBe(result.requestId)
  })
})
