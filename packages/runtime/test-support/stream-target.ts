import { randomUUID } from 'node:crypto'
import type { InvokeTarget } from '../src/event-sources/source-types.ts'
import type { InvocationResult } from '../src/invocation.ts'
import { fakeResult } from './fake-result.ts'

/** One Kinesis record as a test reads it back: sequence number, partition key and decoded data. */
export interface SeenRecord {
  readonly sequenceNumber: string
  readonly partitionKey: string
  readonly data: string
}

/** What the fake function does with a batch: return a value, or fail with an error type. */
export type StreamReply = { readonly result?: unknown } | { readonly error: string }

/** An in-process function for scheduling tests: records each batch, counts invocations in flight. */
export interface StreamTarget extends InvokeTarget {
  readonly batches: { readonly requestId: string; readonly records: readonly SeenRecord[] }[]
  /** Most invocations in flight at once. */
  readonly peak: () => number
}

const read = (record: unknown): SeenRecord => {
  const kinesis: unknown =
    typeof record === 'object' && record !== null ? Reflect.get(record, 'kinesis') : undefined
  const field = (name: string) =>
    String(typeof kinesis === 'object' && kinesis ? Reflect.get(kinesis, name) : '')
  return {
    sequenceNumber: field('sequenceNumber'),
    partitionKey: field('partitionKey'),
    data: Buffer.from(field('data'), 'base64').toString('utf8'),
  }
}

/**
 * A fake {@link InvokeTarget} for the stream engine's unit tests (the acceptance tests use a real runtime).
 *
 * @example
 * const target = streamTarget((records) => (records.some((r) => r.data === 'bad') ? { error: 'Error' } : {}))
 */
export function streamTarget(
  reply: (records: readonly SeenRecord[]) => StreamReply | Promise<StreamReply>,
): StreamTarget {
  const batches: { requestId: string; records: readonly SeenRecord[] }[] = []
  let inFlight = 0
  let peak = 0
  return {
    batches,
    peak: () => peak,
    async invoke(event): Promise<InvocationResult> {
      const list: unknown = typeof event === 'object' && event !== null ? Reflect.get(event, 'Records') : []
      const records = Array.isArray(list) ? list.map(read) : []
      const requestId = randomUUID()
      batches.push({ requestId, records })
      inFlight++
      peak = Math.max(peak, inFlight)
      const outcome = await reply(records)
      await new Promise((resolve) => setTimeout(resolve, 1))
      inFlight--
      return fakeResult(requestId, outcome)
    },
  }
}
