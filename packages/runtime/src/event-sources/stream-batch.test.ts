import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { batchLength, bisect, expiredPrefix, type StreamEntry, streamEvent } from './stream-batch.ts'
import { compareSequence, laneOf, sequenceNumbers, shardOf } from './stream-shards.ts'

const entry = (bytes: number, arrivedAt = 0): StreamEntry => ({
  sequenceNumber: '1',
  partitionKey: 'k',
  arrivedAt,
  record: 'x'.repeat(Math.max(0, bytes - 2)),
  bytes,
})

describe('stream batches', () => {
  it('never exceeds batchSize nor the payload cap (unless one record alone does), and takes at least one', () => {
    const sizes = fc.array(fc.integer({ min: 1, max: 3000 }), { minLength: 1, maxLength: 60 })
    fc.assert(
      fc.property(
        sizes,
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 100, max: 20_000 }),
        (s, size, cap) => {
          const entries = s.map((bytes) => entry(bytes))
          const n = batchLength(entries, size, cap)
          expect(n).toBeGreaterThanOrEqual(1)
          expect(n).toBeLessThanOrEqual(size)
          const json = JSON.stringify(streamEvent(entries.slice(0, n)))
          if (n > 1) expect(Buffer.byteLength(json)).toBeLessThanOrEqual(cap)
          // maximal: one more record would break a limit
          if (n < Math.min(size, entries.length))
            expect(Buffer.byteLength(JSON.stringify(streamEvent(entries.slice(0, n + 1))))).toBeGreaterThan(
              cap,
            )
        },
      ),
    )
  })

  it('bisects into two halves that keep every record in order', () => {
    fc.assert(
      fc.property(fc.array(fc.integer(), { minLength: 2 }), (batch) => {
        const [head, tail] = bisect(batch)
        expect([...head, ...tail]).toEqual(batch)
        expect(head.length).toBeGreaterThan(0)
        expect(tail.length - head.length).toBeGreaterThanOrEqual(0)
        expect(tail.length - head.length).toBeLessThanOrEqual(1)
      }),
    )
  })

  it('finds the records older than the maximum age at the head', () => {
    const entries = [entry(10, 0), entry(10, 50), entry(10, 100)]
    expect(expiredPrefix(entries, 160, 60)).toBe(2)
    expect(expiredPrefix(entries, 100, 200)).toBe(0)
    expect(expiredPrefix(entries, 1000, 60)).toBe(3)
  })
})

describe('stream shards', () => {
  it('maps a partition key to one shard in range, and spreads keys over the shards', () => {
    const keys = Array.from({ length: 400 }, (_, n) => `key-${n}`)
    const shards = keys.map((key) => shardOf(key, 4))
    expect(new Set(shards)).toEqual(new Set([0, 1, 2, 3]))
    expect(keys.map((key) => shardOf(key, 4))).toEqual(shards)
    fc.assert(
      fc.property(fc.string(), fc.integer({ min: 1, max: 1000 }), (key, n) => {
        expect(shardOf(key, n)).toBeGreaterThanOrEqual(0)
        expect(shardOf(key, n)).toBeLessThan(n)
        expect(laneOf(key, Math.min(n, 10))).toBeLessThan(Math.min(n, 10))
      }),
    )
  })

  it('gives 56-digit sequence numbers that increase per shard', () => {
    const next = sequenceNumbers()
    const first = [next(0), next(1), next(0), next(2), next(0)]
    expect(first.every((seq) => /^\d{56}$/.test(seq))).toBe(true)
    expect(compareSequence(first[0] ?? '', first[2] ?? '')).toBe(-1)
    expect(compareSequence(first[2] ?? '', first[4] ?? '')).toBe(-1)
    expect(['20', '3', '100'].sort(compareSequence)).toEqual(['3', '20', '100'])
  })
})
