import { fileURLToPath } from 'node:url'
import { startRuntime } from '@sluice/runtime'
import { createContainer, kinesisEvent } from '@sluice/testing'
import type { KinesisStreamBatchResponse, KinesisStreamEvent } from 'aws-lambda'
import { describe, expect, it } from 'vitest'
import event from './event.json' with { type: 'json' }
import { MetricWindow } from './metric-window.ts'
import poisonEvent from './poison-event.json' with { type: 'json' }
import type { Reading } from './reading.ts'

const cwd = fileURLToPath(new URL('.', import.meta.url))
const module = new URL('./handler.ts', import.meta.url)
const metrics = () =>
  createContainer<KinesisStreamEvent, KinesisStreamBatchResponse>({ module, env: { LOG_LEVEL: 'silent' } })

const reading = (i: number): Reading => ({
  service: 'checkout',
  route: i % 3 === 0 ? 'GET /orders/{id}' : 'POST /orders',
  status: i % 5 === 0 ? 503 : 201,
  latencyMs: 10 + i,
  at: new Date(Date.UTC(2025, 5, 2, 9, 0, i * 7)).toISOString(),
})
/** A batch of `size` readings whose record `bad` does not validate. */
const batchWithBadRecord = (size: number, bad: number) =>
  kinesisEvent({ records: size, data: (i) => (i === bad ? { ...reading(i), status: 'ok' } : reading(i)) })

describe('kinesis-metrics', () => {
  it('counts every reading of a good batch and reports nothing', async () => {
    await using container = metrics()
    expect(await container.invoke(event as KinesisStreamEvent)).toEqual({ batchItemFailures: [] })
  })

  it('stops at the first bad record: it and everything after it are reported, by sequence number', async () => {
    await using container = metrics()
    for (let bad = 1; bad < 8; bad++) {
      const batch = batchWithBadRecord(8, bad)
      const { batchItemFailures } = await container.invoke(batch)

      expect(batchItemFailures.map((failure) => failure.itemIdentifier)).toEqual(
        batch.Records.slice(bad).map((record) => record.kinesis.sequenceNumber),
      )
    }
  })

  it('fails the invocation when the very first record is bad (every record failed)', async () => {
    await using container = metrics()
    const outcome = await container.invokeResult(batchWithBadRecord(4, 0))

    expect(outcome.ok ? undefined : outcome.error.errorMessage).toMatch(/All 4 records failed/)
  })

  it('aggregates per service, route and minute as CloudWatch EMF', () => {
    const window = new MetricWindow('Shop')
    const readings = Array.from({ length: 20 }, (_, i) => reading(i))
    for (const r of readings) window.add(r)
    const documents = window.documents()

    expect(documents.reduce((sum, d) => sum + (d.Requests as number), 0)).toBe(readings.length)
    expect(documents.reduce((sum, d) => sum + (d.Errors as number), 0)).toBe(
      readings.filter((r) => r.status >= 500).length,
    )
    for (const document of documents) {
      expect(document._aws).toMatchObject({
        CloudWatchMetrics: [{ Namespace: 'Shop', Dimensions: [['Service', 'Route']] }],
      })
      expect((document.Latency as { Count: number }).Count).toBe(document.Requests)
    }
  })

  it('under the local runtime, a poison record and its redelivery count each reading exactly once', async () => {
    await using runtime = await startRuntime({ handler: 'handler.ts#handler', cwd, timeoutMs: 5000 })
    const first = await runtime.invoke(poisonEvent)
    const failures = (first.result as KinesisStreamBatchResponse).batchItemFailures
    const poison = poisonEvent.Records[2]!.kinesis.sequenceNumber
    expect(failures[0]?.itemIdentifier).toBe(poison)

    // Lambda delivers again from the reported sequence number; here the producer has fixed the record
    const redelivery = { Records: event.Records.slice(2) }
    const second = await runtime.invoke(redelivery)
    const requests = (logs: readonly string[]) =>
      logs
        .map((line) => JSON.parse(line))
        .filter((line) => line._aws !== undefined)
        .reduce((sum, line) => sum + line.Requests, 0)

    expect((second.result as KinesisStreamBatchResponse).batchItemFailures).toEqual([])
    expect(requests(first.logs)).toBe(2)
    expect(requests(first.logs) + requests(second.logs)).toBe(event.Records.length)
  })
})
