import { describe, expect, it } from 'vitest'
import { type SeenRecord, type StreamReply, streamTarget } from '../../test-support/stream-target.ts'
import { kinesisSource } from './kinesis-source.ts'
import type { StreamMappingOptions } from './stream-options.ts'

const quiet = { timeoutMs: 30_000 }
const failOn =
  (poison: string, reply: (records: readonly SeenRecord[]) => StreamReply = () => ({})) =>
  (records: readonly SeenRecord[]): StreamReply =>
    records.some((record) => record.data === poison) ? { error: 'Error' } : reply(records)

async function run(
  records: readonly string[],
  mapping: StreamMappingOptions,
  target = streamTarget(failOn('poison')),
) {
  const source = kinesisSource({ function: target, timeScale: 1000, ...mapping })
  const ids = await source.send(records.map((data) => ({ partitionKey: 'k', data })))
  await source.quiet(quiet)
  await source.stop()
  return { source, target, ids, fate: (index: number) => source.fates()[index] }
}

const eight = ['r0', 'r1', 'r2', 'r3', 'r4', 'poison', 'r6', 'r7']
const onFailure = { destinationConfig: { onFailure: { destination: 'failures' } } }

describe('stream shards (kinesisSource with an in-process function)', () => {
  it('bisects a failing batch down to the poison record without counting splits as retries', async () => {
    const { source, target, ids, fate } = await run(eight, {
      batchSize: 8,
      bisectBatchOnFunctionError: true,
      maximumRetryAttempts: 2,
      ...onFailure,
    })
    expect(target.batches.map((batch) => batch.records.length)).toEqual([8, 4, 4, 2, 1, 1, 1, 1, 2])
    const processed = target.batches.filter((batch) => !batch.records.some((r) => r.data === 'poison'))
    expect(processed.flatMap((batch) => batch.records.map((r) => r.data))).toEqual(
      eight.filter((d) => d !== 'poison'),
    )
    expect(fate(5)).toMatchObject({ state: 'retries-exhausted', receiveCount: 6 })
    expect(source.fates().filter((f) => f.state === 'processed')).toHaveLength(7)
    const [record] = source.outputs().onFailure ?? []
    expect(record).toMatchObject({
      requestContext: { condition: 'RetryAttemptsExhausted', approximateInvokeCount: 6 },
      responseContext: { statusCode: 200, functionError: 'Unhandled' },
      KinesisBatchInfo: { startSequenceNumber: ids[5], endSequenceNumber: ids[5], batchSize: 1 },
    })
  })

  it('without bisect retries the whole batch, then discards it and moves on', async () => {
    const { source, target, ids } = await run(eight, { batchSize: 8, maximumRetryAttempts: 1, ...onFailure })
    expect(target.batches.map((batch) => batch.records.length)).toEqual([8, 8])
    expect(source.fates().every((f) => f.state === 'retries-exhausted' && f.receiveCount === 2)).toBe(true)
    expect(source.outputs().onFailure).toEqual([
      expect.objectContaining({
        KinesisBatchInfo: expect.objectContaining({ startSequenceNumber: ids[0], endSequenceNumber: ids[7] }),
      }),
    ])
  })

  it('checkpoints at the lowest reported sequence number and retries from it', async () => {
    const reported = (records: readonly SeenRecord[]): StreamReply => {
      const at = (data: string) => records.find((r) => r.data === data)?.sequenceNumber
      const failures = ['r4', 'poison']
        .flatMap((data) => at(data) ?? [])
        .map((itemIdentifier) => ({ itemIdentifier }))
      return { result: { batchItemFailures: failures } }
    }
    const target = streamTarget(reported)
    const mapping = { functionResponseTypes: ['ReportBatchItemFailures'] as const, maximumRetryAttempts: 1 }
    const { source, ids } = await run(eight, { ...mapping, ...onFailure }, target)
    expect(target.batches.map((batch) => batch.records[0]?.data)).toEqual(['r0', 'r4'])
    expect(source.fates().map((f) => f.state)).toEqual([
      ...Array(4).fill('processed'),
      ...Array(4).fill('retries-exhausted'),
    ])
    const info = source.outputs().onFailure?.[0]
    expect(info).toMatchObject({
      KinesisBatchInfo: { startSequenceNumber: ids[4], endSequenceNumber: ids[7] },
    })
    expect(info).not.toHaveProperty('responseContext.functionError')
  })

  it.each([
    ['an empty itemIdentifier', [{ itemIdentifier: '' }]],
    ['a null itemIdentifier', [{ itemIdentifier: null }]],
    ['an identifier not in the batch', [{ itemIdentifier: '12345' }]],
    ['a wrong key name', [{ id: '1' }]],
  ])('fails the whole batch on %s', async (_, batchItemFailures) => {
    const target = streamTarget(() => ({ result: { batchItemFailures } }))
    const mapping = { functionResponseTypes: ['ReportBatchItemFailures'] as const, maximumRetryAttempts: 0 }
    const { source } = await run(['a', 'b'], mapping, target)
    expect(source.fates().map((f) => f.state)).toEqual(['retries-exhausted', 'retries-exhausted'])
  })

  it('treats an empty or null list as success, and ignores batchItemFailures without the response type', async () => {
    for (const [result, types] of [
      [{ batchItemFailures: [] }, ['ReportBatchItemFailures']],
      [{ batchItemFailures: null }, ['ReportBatchItemFailures']],
      [{ batchItemFailures: [{ itemIdentifier: '' }] }, []],
    ] as const) {
      const target = streamTarget(() => ({ result }))
      const { source } = await run(
        ['a'],
        { functionResponseTypes: [...types], maximumRetryAttempts: 0 },
        target,
      )
      expect(source.fates().map((f) => f.state)).toEqual(['processed'])
    }
  })

  it('drops records older than maximumRecordAgeInSeconds while they block the shard', async () => {
    const slowFailure = streamTarget(
      () => new Promise<StreamReply>((resolve) => setTimeout(() => resolve({ error: 'Error' }), 5)),
    )
    const source = kinesisSource({
      function: slowFailure,
      timeScale: 20_000,
      maximumRecordAgeInSeconds: 60,
      ...onFailure,
    })
    await source.send({ partitionKey: 'k', data: 'stuck' })
    await source.quiet(quiet)
    await source.stop()
    expect(source.fates()[0]).toMatchObject({ state: 'dropped-by-age' })
    expect(source.outputs().onFailure?.[0]).toMatchObject({
      requestContext: { condition: 'RecordAgeExceeded' },
    })
  })

  it('runs up to parallelizationFactor batches per shard, in order per partition key', async () => {
    const target = streamTarget(
      () => new Promise<StreamReply>((resolve) => setTimeout(() => resolve({}), 10)),
    )
    const source = kinesisSource({ function: target, parallelizationFactor: 5, batchSize: 2 })
    const keys = Array.from({ length: 12 }, (_, k) => `key-${k}`)
    for (let n = 0; n < 4; n++)
      await source.send(keys.map((partitionKey) => ({ partitionKey, data: String(n) })))
    await source.quiet(quiet)
    await source.stop()
    expect(target.peak()).toBeGreaterThan(1)
    expect(target.peak()).toBeLessThanOrEqual(5)
    const seen = target.batches.flatMap((batch) => batch.records)
    for (const key of keys)
      expect(seen.filter((r) => r.partitionKey === key).map((r) => r.data)).toEqual(['0', '1', '2', '3'])
  })

  it('cuts batches at the 6 MB payload as well as at batchSize', async () => {
    const target = streamTarget(() => ({}))
    const source = kinesisSource({ function: target, batchSize: 100 })
    const big = 'x'.repeat(1_000_000)
    await source.send(Array.from({ length: 8 }, () => ({ partitionKey: 'k', data: big })))
    await source.quiet(quiet)
    await source.stop()
    expect(target.batches.map((batch) => batch.records.length)).toEqual([4, 4])
  })

  it('sends a full batch at once, without waiting out the batching window', async () => {
    const target = streamTarget(() => ({}))
    const source = kinesisSource({ function: target, batchSize: 2, maximumBatchingWindowInSeconds: 300 })
    await source.send([
      { partitionKey: 'k', data: 'a' },
      { partitionKey: 'k', data: 'b' },
    ])
    await source.quiet(quiet)
    await source.stop()
    expect(target.batches).toHaveLength(1)
  })

  it('refuses records once stopped', async () => {
    const source = kinesisSource({ function: streamTarget(() => ({})) })
    await source.stop()
    await expect(source.send({ partitionKey: 'k', data: 'late' })).rejects.toMatchObject({
      code: 'EVENT_SOURCE_STOPPED',
    })
  })
})
