import { SYNC_PAYLOAD_LIMIT_BYTES } from '../payload-limits.ts'
/** One record in a shard: its sequence number, when it arrived (Lambda ms), its event record and that record's size. */
export interface StreamEntry {
  readonly sequenceNumber: string
  /** Partition key (Kinesis) or the item's keys (DynamoDB): records of one key stay in order. */
  readonly partitionKey: string
  readonly arrivedAt: number
  /** The record as the function receives it in `Records`. */
  readonly record: unknown
  /** UTF-8 bytes of the record's JSON. */
  readonly bytes: number
}

/** A synchronous invocation's payload limit: 6 MB. */
export const MAX_PAYLOAD_BYTES = SYNC_PAYLOAD_LIMIT_BYTES

// `{"Records":[` and `]}`, then one comma between records
const ENVELOPE_BYTES = '{"Records":[]}'.length

/**
 * How many records from the head of `entries` make the next batch: at most `batchSize`, and no more than fit in
 * the 6 MB invocation payload (always at least one).
 *
 * @example
 * batchLength(entries, 100) // 100, or fewer when the records are large
 */
export function batchLength(
  entries: readonly StreamEntry[],
  batchSize: number,
  maxBytes = MAX_PAYLOAD_BYTES,
): number {
  let bytes = ENVELOPE_BYTES
  let count = 0
  for (const entry of entries) {
    if (count === batchSize) break
    const next = bytes + entry.bytes + (count > 0 ? 1 : 0)
    if (count > 0 && next > maxBytes) break
    bytes = next
    count++
  }
  return count
}

/**
 * The two halves BisectBatchOnFunctionError retries a failed batch as (the first is one shorter when odd).
 *
 * @example
 * bisect([1, 2, 3]) // [[1], [2, 3]]
 */
export function bisect<T>(batch: readonly T[]): [T[], T[]] {
  const middle = Math.floor(batch.length / 2)
  return [batch.slice(0, middle), batch.slice(middle)]
}

/**
 * How many records at the head of a batch are older than `maxAgeMs` at `now` (records arrive in order, so the
 * too-old ones are a prefix).
 *
 * @example
 * expiredPrefix(entries, time.now(), 60_000) // 0 when none is older than a minute
 */
export function expiredPrefix(entries: readonly StreamEntry[], now: number, maxAgeMs: number): number {
  const index = entries.findIndex((entry) => now - entry.arrivedAt <= maxAgeMs)
  return index === -1 ? entries.length : index
}

/**
 * The event Lambda sends for a batch of stream records.
 *
 * @example
 * streamEvent(entries) // { Records: [...] }
 */
export function streamEvent(entries: readonly StreamEntry[]): { Records: unknown[] } {
  return { Records: entries.map((entry) => entry.record) }
}
