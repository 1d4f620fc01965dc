import { createHash } from 'node:crypto'

const HASH_KEYS = 2n ** 128n

/** The MD5 of `key` as Kinesis computes a record's hash key: a 128-bit unsigned integer. */
const md5 = (key: string): bigint => BigInt(`0x${createHash('md5').update(key, 'utf8').digest('hex')}`)

/**
 * The shard a partition key maps to when the hash key range (0 to 2^128 − 1) is split evenly over `shards`, as
 * a stream created with that many shards splits it.
 *
 * @example
 * shardOf('checkout', 4) // 0…3, always the same for 'checkout'
 */
export function shardOf(partitionKey: string, shards: number): number {
  return Number((md5(partitionKey) * BigInt(shards)) / HASH_KEYS)
}

/**
 * Which of a shard's `lanes` (parallelizationFactor) carries a partition key: records of one key always share a
 * lane, so their order holds while other keys' batches run beside them.
 *
 * @example
 * laneOf('checkout', 10) // 0…9
 */
export function laneOf(partitionKey: string, lanes: number): number {
  return Number(md5(`lane:${partitionKey}`) % BigInt(lanes))
}

/**
 * A shard id as Kinesis prints it.
 *
 * @example
 * shardId(3) // 'shardId-000000000003'
 */
export function shardId(index: number): string {
  return `shardId-${String(index).padStart(12, '0')}`
}

// 56 digits, like 49590338271490256608559692538361571095921575989136588898; the shard sits in the middle digits
const SEQUENCE_BASE = 49590338271490256608559692538361571095921575989100000000n

/**
 * Sequence numbers that increase per shard, 56 digits long like Kinesis's; compare them with {@link compareSequence}.
 *
 * @example
 * const next = sequenceNumbers()
 * next(0) < next(0) // as numbers: '…100000001' then '…100000002'
 */
export function sequenceNumbers(): (shard: number) => string {
  let counter = 0n
  return (shard) => {
    counter++
    return String(SEQUENCE_BASE + BigInt(shard) * 10n ** 30n + counter)
  }
}

/**
 * Orders two sequence numbers numerically (they are decimal strings that may differ in length).
 *
 * @example
 * ['20', '3'].sort(compareSequence) // ['3', '20']
 */
export function compareSequence(a: string, b: string): number {
  const difference = BigInt(a) - BigInt(b)
  return difference === 0n ? 0 : difference < 0n ? -1 : 1
}
