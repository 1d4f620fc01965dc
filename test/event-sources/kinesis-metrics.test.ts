import { fileURLToPath } from 'node:url'
import { kinesisSource, type SourceActivity, startRuntime } from '@sluice/runtime'
import { describe, expect, it } from 'vitest'
import poisonEvent from '../../examples/kinesis-metrics/poison-event.json' with { type: 'json' }

const cwd = fileURLToPath(new URL('../..', import.meta.url))
const handler = 'examples/kinesis-metrics/handler.ts#handler'

// The six readings of the example's poison event, as a producer would put them; the third does not validate.
const readings = poisonEvent.Records.map((record) => ({
  partitionKey: record.kinesis.partitionKey,
  data: JSON.parse(Buffer.from(record.kinesis.data, 'base64').toString('utf8')),
}))

describe('examples/kinesis-metrics through a Kinesis source (real aws-lambda-ric)', () => {
  it('checkpoints at the poison reading, bisects it out, and sends its metadata to onFailure after retries', async () => {
    await using runtime = await startRuntime({ handler, cwd, memoryMb: 256, env: { LOG_LEVEL: 'warn' } })
    await using stream = kinesisSource({
      function: runtime,
      name: 'request-metrics',
      functionResponseTypes: ['ReportBatchItemFailures'],
      bisectBatchOnFunctionError: true,
      maximumRetryAttempts: 2,
      destinationConfig: { onFailure: { destination: 'request-metrics-failures' } },
      timeScale: 100,
    })
    const batches: Extract<SourceActivity, { kind: 'batch' }>[] = []
    stream.onActivity((activity) => {
      if (activity.kind === 'batch') batches.push(activity)
    })
    const ids = await stream.send(readings)
    await stream.quiet({ timeoutMs: 60_000 })
    const poison = ids[2]

    // the handler reports the poison reading and the three behind it; Lambda checkpoints there, and when the
    // retry fails as a whole (every record failed) bisects it until the poison reading is alone
    expect(batches[0]).toMatchObject({ outcome: 'partial', ids, failed: ids.slice(2) })
    expect(batches[1]).toMatchObject({ outcome: 'failure', ids: ids.slice(2) })
    expect(stream.fates().map((fate) => fate.state)).toEqual([
      'processed',
      'processed',
      'retries-exhausted',
      'processed',
      'processed',
      'processed',
    ])
    const processedOnce = stream.fates().filter((fate, n) => n !== 2 && fate.receiveCount === 1)
    expect(processedOnce.map((fate) => fate.id)).toEqual([ids[0], ids[1]])
    expect(stream.outputs().onFailure).toEqual([
      expect.objectContaining({
        requestContext: expect.objectContaining({ condition: 'RetryAttemptsExhausted' }),
        KinesisBatchInfo: expect.objectContaining({
          shardId: 'shardId-000000000000',
          startSequenceNumber: poison,
          endSequenceNumber: poison,
          batchSize: 1,
        }),
      }),
    ])
  })
})
