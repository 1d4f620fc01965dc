import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { kinesisSource, startRuntime } from '@sluice/runtime'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'

const cwd = fileURLToPath(new URL('../..', import.meta.url))
const handler = 'test/fixtures/event-sources/stream-poison.mjs#handler'

type Line = {
  sequenceNumber: string
  partitionKey: string
  shardId: string
  data: { key: string; n: number }
}

describe('a Kinesis source with a record that always fails (real aws-lambda-ric)', () => {
  let dir = ''
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sluice-kinesis-'))
  })
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it('isolates it by bisecting, processes every other record in order, and describes it to onFailure', async () => {
    const out = join(dir, 'processed.jsonl')
    await using runtime = await startRuntime({ handler, cwd, concurrency: 2, env: { STREAM_OUT: out } })
    await using stream = kinesisSource({
      function: runtime,
      name: 'readings',
      shards: 2,
      batchSize: 10,
      bisectBatchOnFunctionError: true,
      maximumRetryAttempts: 2,
      maximumRecordAgeInSeconds: 3600,
      destinationConfig: { onFailure: { destination: 'readings-failures' } },
      timeScale: 60,
    })
    const keys = ['checkout', 'search', 'cart', 'login']
    const sent = Array.from({ length: 40 }, (_, n) => {
      const key = keys[n % keys.length] ?? 'checkout'
      return { partitionKey: key, data: { key, n, poison: n === 17 } }
    })
    const ids = await stream.send(sent)
    await stream.quiet({ timeoutMs: 60_000 })
    const poison = ids[17]

    const lines: Line[] = (await readFile(out, 'utf8'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line))
    const good = sent.flatMap((record, n) => (n === 17 ? [] : [record.data]))
    expect(lines.map((line) => line.data).sort((a, b) => a.n - b.n)).toEqual(good)
    for (const key of keys) {
      const ofKey = lines.filter((line) => line.partitionKey === key)
      expect(ofKey.map((line) => line.data.n)).toEqual(
        good.filter((data) => data.key === key).map((d) => d.n),
      )
      expect(new Set(ofKey.map((line) => line.shardId)).size).toBe(1)
    }

    const fates = stream.fates()
    expect(fates.filter((fate) => fate.state === 'processed')).toHaveLength(39)
    const poisonFate = fates.find((fate) => fate.id === poison)
    expect(poisonFate?.state).toBe('retries-exhausted')
    // bisected from 10 records down to 1 (4 invocations at most), then the first try and 2 retries alone
    expect(poisonFate?.receiveCount).toBeGreaterThanOrEqual(4)

    const { onFailure = [] } = stream.outputs()
    expect(onFailure).toHaveLength(1)
    expect(onFailure[0]).toMatchObject({
      requestContext: {
        condition: 'RetryAttemptsExhausted',
        approximateInvokeCount: poisonFate?.receiveCount,
        functionArn: runtime.config.functionArn,
      },
      responseContext: { statusCode: 200, executedVersion: '$LATEST', functionError: 'Unhandled' },
      version: '1.0',
      KinesisBatchInfo: {
        startSequenceNumber: poison,
        endSequenceNumber: poison,
        batchSize: 1,
        streamArn: stream.streamArn,
      },
    })
  })
})
