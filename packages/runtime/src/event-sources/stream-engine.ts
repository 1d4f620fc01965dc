import { SluiceRuntimeError } from '../errors.ts'
import { FateLog } from './fate-log.ts'
import type { EventSource, InvokeTarget, SourceTime } from './source-types.ts'
import type { StreamEntry } from './stream-batch.ts'
import { type StreamFailureRecord, streamFailureRecord } from './stream-failure-record.ts'
import { StreamLane, type StreamSegment } from './stream-lane.ts'
import type { StreamMapping } from './stream-options.ts'
import { laneOf, sequenceNumbers, shardId, shardOf } from './stream-shards.ts'

/** Both streams keep records 24 hours by default: with maximumRecordAgeInSeconds -1 they expire then. */
const RETENTION_MS = 24 * 60 * 60 * 1000

/** What a stream source hands the engine. */
export interface StreamEngineOptions {
  readonly kind: 'kinesis' | 'dynamodb-stream'
  readonly name: string
  readonly target: InvokeTarget
  readonly mapping: StreamMapping
  readonly time: SourceTime
  readonly streamArn: string
  readonly functionArn: string
}

/** Where a new record lands, for the source to build its event record from. */
export interface StreamPlacement {
  readonly sequenceNumber: string
  readonly shardId: string
  /** Lambda-time epoch ms. */
  readonly arrivedAt: number
}

/** A record to append: the key that picks its shard and lane, and how to build it once placed. */
export interface StreamAppend {
  readonly partitionKey: string
  readonly build: (placement: StreamPlacement) => unknown
}

/** The shard machinery shared by the Kinesis and DynamoDB stream sources: everything but `send`. */
export interface StreamEngine extends Omit<EventSource<never>, 'send'> {
  /** Places validated records in their shards, in order; returns their sequence numbers. */
  append(records: readonly StreamAppend[]): readonly string[]
}

/**
 * Shards of ordered, blocking lanes fed by `append` and polled as Lambda's stream event source mapping polls
 * them; discarded batches are described to the on-failure destination (`outputs().onFailure`).
 *
 * @example
 * const engine = streamEngine({ kind: 'kinesis', name: 'metrics', target, mapping, time, streamArn, functionArn })
 * engine.append([{ partitionKey: 'a', build: ({ sequenceNumber }) => ({ sequenceNumber }) }])
 */
export function streamEngine(options: StreamEngineOptions): StreamEngine {
  const { mapping, time, name } = options
  const log = new FateLog(name, time)
  const stop = new AbortController()
  const lanes = new Map<string, StreamLane>()
  const onFailure: StreamFailureRecord[] = []
  const nextSequence = sequenceNumbers()
  const maxAgeMs =
    mapping.maximumRecordAgeInSeconds === -1 ? RETENTION_MS : mapping.maximumRecordAgeInSeconds * 1000

  const discard = (shard: string) =>
    function discardSegment(
      segment: StreamSegment,
      condition: StreamFailureRecord['requestContext']['condition'],
    ) {
      const record = streamFailureRecord({
        kind: options.kind,
        entries: segment.entries,
        condition,
        shardId: shard,
        streamArn: options.streamArn,
        functionArn: options.functionArn,
        requestId: segment.requestId,
        invokeCount: segment.invokes,
        functionError: segment.functionError,
        now: time.now(),
      })
      if (mapping.onFailure !== undefined) onFailure.push(record)
      const aged = condition === 'RecordAgeExceeded'
      const age = mapping.maximumRecordAgeInSeconds
      const limit = !aged
        ? `maximumRetryAttempts ${mapping.maximumRetryAttempts}`
        : age === -1
          ? 'the 24 h retention period'
          : `maximumRecordAgeInSeconds ${age}`
      const where = mapping.onFailure === undefined ? 'no destination' : `onFailure ${mapping.onFailure}`
      for (const entry of segment.entries)
        log.step(entry.sequenceNumber, aged ? 'dropped-by-age' : 'retries-exhausted', {
          reason: `${condition} (${limit}); batch info to ${where}`,
        })
    }

  const laneFor = (shard: number, partitionKey: string): StreamLane => {
    const key = `${shard}/${laneOf(partitionKey, mapping.parallelizationFactor)}`
    let lane = lanes.get(key)
    if (lane === undefined) {
      const context = { log, target: options.target, mapping, maxAgeMs, signal: stop.signal }
      lane = new StreamLane({ ...context, discard: discard(shardId(shard)) })
      lanes.set(key, lane)
    }
    return lane
  }

  const halt = async () => {
    stop.abort(new SluiceRuntimeError('EVENT_SOURCE_STOPPED', `${name} was stopped`))
    await Promise.all([...lanes.values()].map((lane) => lane.settled()))
  }

  return {
    name,
    kind: options.kind,
    append(records) {
      if (stop.signal.aborted)
        throw new SluiceRuntimeError(
          'EVENT_SOURCE_STOPPED',
          `${name} was stopped: start a new source to send`,
        )
      return records.map(({ partitionKey, build }) => {
        const shard = shardOf(partitionKey, mapping.shards)
        const sequenceNumber = nextSequence(shard)
        const arrivedAt = time.now()
        const record = build({ sequenceNumber, shardId: shardId(shard), arrivedAt })
        const bytes = Buffer.byteLength(JSON.stringify(record))
        const entry: StreamEntry = { sequenceNumber, arrivedAt, partitionKey, record, bytes }
        log.track(entry.sequenceNumber)
        laneFor(shard, partitionKey).push(entry)
        return entry.sequenceNumber
      })
    },
    quiet: (quietOptions) => log.quiet(quietOptions),
    fates: () => log.fates(),
    outputs: () => ({ onFailure: [...onFailure] }),
    onActivity: (listener) => log.onActivity(listener),
    stop: halt,
    [Symbol.asyncDispose]: halt,
  }
}
