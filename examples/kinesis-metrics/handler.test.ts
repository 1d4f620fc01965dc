import { fileURLToPath } from 'node:url'
import { startRuntime } from '@sluice/runtime'
import { captureStdio, createContainer, type EmfDocument, events } from '@sluice/testing'
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
const sum = (documents: readonly EmfDocument[], name: string) =>
  documents.reduce((total, document) => total + Number(document[name] ?? 0), 0)
/** A batch of `size` readings whose record `bad` does not validate. */
const batchWithBadRecord = (size: number, bad: number) =>
  events['kinesis-stream']({
    records: size,
    data: (i) => (i === bad ? { ...reading(i), status: 'ok' } : reading(i)),
  })

describe('kinesis-metrics', () => {
  it('counts every reading of a good batch and reports nothing', async () => {
    await using container = metrics()
    using stdio = captureStdio()
    expect(await container.invoke(event as KinesisStreamEvent)).toEqual({ batchItemFailures: [] })
    expect(sum(stdio.emf(), 'Requests')).toBe(event.Records.length)
  })

  it('stops at the first bad record: it and everything after it are reported, by sequence number', async () => {
    await using container = metrics()
    for (let bad = 1; bad < 8; bad++) {
      const batch = batchWithBadRecord(8, bad)
      using stdio = captureStdio()
      const { batchItemFailures } = await container.invoke(batch)

      expect(batchItemFailures.map((failure) => failure.itemIdentifier)).toEqual(
        batch.Records.slice(bad).map((record) => record.kinesis.sequenceNumber),
      )
      expect(sum(stdio.emf(), 'Requests')).toBe(bad)
    }
  })

  it('fails the invocation when the very first record is bad (every record failed)', async () => {
    await using container = metrics()
    using stdio = captureStdio()
    const outcome = await container.invokeResult(batchWithBadRecord(4, 0))

    expect(outcome.ok ? undefined : outcome.error.errorMessage).toMatch(/All 4 records failed/)
    expect(stdio.emf()).toEqual([])
  })

  it('publishes per service, route and minute through Powertools Metrics, as CloudWatch EMF', () => {
    const window = new MetricWindow('Shop')
    const readings = Array.from({ length: 20 }, (_, i) => reading(i))
    for (const r of readings) window.add(r)
    using stdio = captureStdio()
    const written = window.publish()
    const documents = stdio.emf()

    expect(written).toBe(documents.length)
    expect(sum(documents, 'Requests')).toBe(readings.length)
    expect(sum(documents, 'Errors')).toBe(readings.filter((r) => r.status >= 500).length)
    const cells = new Set(readings.map((r) => `${r.service} ${r.route} ${r.at.slice(0, 16)}`))
    expect(documents).toHaveLength(cells.size)
    for (const document of documents) {
      expect(document._aws).toEqual({
        Timestamp: Date.parse(`${new Date(document._aws.Timestamp).toISOString().slice(0, 16)}:00.000Z`),
        CloudWatchMetrics: [
          {
            Namespace: 'Shop',
            Dimensions: [['Service', 'Route']],
            Metrics: [
              { Name: 'Requests', Unit: 'Count' },
              { Name: 'Errors', Unit: 'Count' },
              { Name: 'Latency', Unit: 'Milliseconds' },
            ],
          },
        ],
      })
      expect([document.Latency].flat()).toHaveLength(document.Requests as number)
    }
    // the readings are from 2025: Powertools warns that CloudWatch would skip timestamps older than 14 days
    expect(stdio.other).toHaveLength(documents.length)
    for (const line of stdio.other) expect(line).toContain('will be skipped by Amazon CloudWatch')
  })

  it('splits a cell of more than 99 readings over several lines, each with its dimensions', () => {
    const window = new MetricWindow('Shop')
    const at = new Date().toISOString()
    for (let i = 0; i < 250; i++) window.add({ ...reading(i), route: 'POST /orders', status: 201, at })
    using stdio = captureStdio()
    expect(window.publish()).toBe(3)
    const documents = stdio.emf()

    expect(documents.map((document) => [document.Requests, [document.Latency].flat().length])).toEqual([
      [250, 99],
      [undefined, 99],
      [undefined, 52],
    ])
    for (const document of documents)
      expect(document).toMatchObject({ Service: 'checkout', Route: 'POST /orders' })
    expect(stdio.other).toEqual([])
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
        .reduce((sum, line) => sum + (line.Requests ?? 0), 0)

    expect((second.result as KinesisStreamBatchResponse).batchItemFailures).toEqual([])
    expect(requests(first.logs)).toBe(2)
    expect(requests(first.logs) + requests(second.logs)).toBe(event.Records.length)
  })
})
