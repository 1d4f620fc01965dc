import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { streamTarget } from '../../test-support/stream-target.ts'
import { SluiceRuntimeError } from '../errors.ts'
import { kinesisSource } from './kinesis-source.ts'

describe('kinesisSource send', () => {
  it('returns sequence numbers in order and stores data as base64 of the string or the JSON text', async () => {
    const target = streamTarget(() => ({}))
    await using source = kinesisSource({ function: target })
    const ids = await source.send([
      { partitionKey: 'a', data: 'héllo' },
      { partitionKey: 'a', data: { n: 1 } },
    ])
    await source.quiet({ timeoutMs: 30_000 })
    expect(ids).toHaveLength(2)
    expect(BigInt(ids[0] ?? 0) < BigInt(ids[1] ?? 0)).toBe(true)
    expect(target.batches.flatMap((batch) => batch.records.map((r) => r.data))).toEqual(['héllo', '{"n":1}'])
    expect(source.fates().map((fate) => [fate.id, fate.state])).toEqual(ids.map((id) => [id, 'processed']))
  })

  it.each<[string, unknown, string]>([
    ['no partition key', { data: 'x' }, 'INVALID_ARGUMENT'],
    ['an empty partition key', { partitionKey: '', data: 'x' }, 'INVALID_ARGUMENT'],
    ['a 257-character partition key', { partitionKey: 'k'.repeat(257), data: 'x' }, 'INVALID_ARGUMENT'],
    ['no data', { partitionKey: 'k' }, 'INVALID_ARGUMENT'],
    ['a string', 'just text', 'INVALID_ARGUMENT'],
    [
      'data over 1 MiB',
      { partitionKey: 'k', data: 'x'.repeat(1024 * 1024) },
      'EVENT_SOURCE_PAYLOAD_TOO_LARGE',
    ],
  ])('rejects %s and enqueues nothing of the send', async (_, bad, code) => {
    await using source = kinesisSource({ function: streamTarget(() => ({})) })
    await expect(source.send([{ partitionKey: 'ok', data: 'fine' }, bad as never])).rejects.toMatchObject({
      code,
    })
    expect(source.fates()).toEqual([])
  })

  it('takes any JSON input: a typed error or one sequence number per record', async () => {
    await using source = kinesisSource({ function: streamTarget(() => ({})) })
    const record = fc.record(
      { partitionKey: fc.string({ maxLength: 300 }), data: fc.jsonValue() },
      { requiredKeys: [] },
    )
    const input = fc.oneof(fc.jsonValue(), record, fc.array(record, { maxLength: 5 }))
    await fc.assert(
      fc.asyncProperty(input, async (value) => {
        const before = source.fates().length
        const outcome = await source.send(value as never).then(
          (ids) => ids,
          (error: unknown) => error,
        )
        if (outcome instanceof SluiceRuntimeError) expect(source.fates().length).toBe(before)
        else expect(outcome).toHaveLength(Array.isArray(value) ? value.length : 1)
      }),
    )
    await source.quiet({ timeoutMs: 30_000 })
  })
})
