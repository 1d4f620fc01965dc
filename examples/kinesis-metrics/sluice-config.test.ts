import { fileURLToPath } from 'node:url'
import {
  type DevLine,
  type InvocationResult,
  loadConfig,
  type SourceActivity,
  startDev,
} from '@sluice/runtime'
import { describe, expect, it } from 'vitest'
import poisonEvent from './poison-event.json' with { type: 'json' }

const dir = fileURLToPath(new URL('.', import.meta.url))

// The example's poison batch as a producer puts it (its third reading does not validate), then readings of other
// services: their partition keys spread them over the stream's shards.
const readings = [
  ...poisonEvent.Records.map((record) => ({
    partitionKey: record.kinesis.partitionKey,
    data: JSON.parse(Buffer.from(record.kinesis.data, 'base64').toString('utf8')),
  })),
  ...Array.from({ length: 24 }, (_, i) => {
    const service = ['search', 'payments', 'shipping'][i % 3] ?? 'search'
    const at = new Date(Date.UTC(2025, 5, 2, 9, 2, i)).toISOString()
    return { partitionKey: service, data: { service, route: 'GET /', status: 200, latencyMs: 5 + i, at } }
  }),
]

/** The records a batch processed: all of a success, those before the checkpoint of a partial, none of a failure. */
function processedBy(batch: Extract<SourceActivity, { kind: 'batch' }>): readonly string[] {
  if (batch.outcome === 'failure') return []
  const checkpoint = batch.ids.findIndex((id) => batch.failed.includes(id))
  return checkpoint === -1 ? batch.ids : batch.ids.slice(0, checkpoint)
}

/** Readings the function counted, from its `batch done` log lines. */
const counted = (results: readonly InvocationResult[]) =>
  results
    .flatMap((result) => result.logs)
    .filter((line) => line.includes('"msg":"batch done"'))
    .reduce((sum, line) => sum + Number(JSON.parse(line).counted), 0)

describe('kinesis-metrics through its sluice.config.ts', () => {
  it('isolates the poison reading onto the on-failure destination and processes the rest once, in order', async () => {
    const { config, dir: cwd } = await loadConfig('sluice.config.ts', dir)
    const results: InvocationResult[] = []
    const processed: string[] = []
    const onLine = (line: DevLine) => {
      if (line.kind === 'invocation') results.push(line.result)
      if (line.kind === 'activity' && line.activity.kind === 'batch')
        processed.push(...processedBy(line.activity))
    }
    await using dev = await startDev(config, { cwd, timeScale: 100, port: 0, watch: false, onLine })
    const stream = dev.sources.get('request-metrics')
    if (stream === undefined) throw new Error('the config has no request-metrics stream')

    const ids = await stream.send(readings)
    await stream.quiet({ timeoutMs: 60_000 })

    const poison = ids[2]
    expect(stream.fates().map((fate) => [fate.id, fate.state])).toEqual(
      ids.map((id) => [id, id === poison ? 'retries-exhausted' : 'processed']),
    )
    expect(stream.outputs().onFailure).toEqual([
      expect.objectContaining({
        requestContext: expect.objectContaining({
          condition: 'RetryAttemptsExhausted',
          functionArn: 'arn:aws:lambda:us-east-1:123456789012:function:metrics',
        }),
        KinesisBatchInfo: expect.objectContaining({
          startSequenceNumber: poison,
          endSequenceNumber: poison,
          batchSize: 1,
          streamArn: expect.stringContaining('stream/request-metrics'),
        }),
      }),
    ])
    // each reading processed once, and in the order it was put for its partition key
    expect(new Set(processed).size).toBe(processed.length)
    expect(counted(results)).toBe(ids.length - 1)
    for (const key of new Set(readings.map((reading) => reading.partitionKey))) {
      const sent = ids.filter((id, i) => readings[i]?.partitionKey === key && id !== poison)
      expect(processed.filter((id) => sent.includes(id))).toEqual(sent)
    }
  }, 120_000)
})
