import type { StreamEntry } from './stream-batch.ts'

/** Why Lambda gave up on stream records. */
export type StreamFailureCondition = 'RetryAttemptsExhausted' | 'RecordAgeExceeded'

/** What the on-failure destination of a Kinesis or DynamoDB stream mapping receives: metadata, not the records. */
export interface StreamFailureRecord {
  readonly requestContext: {
    readonly requestId: string
    readonly functionArn: string
    readonly condition: StreamFailureCondition
    readonly approximateInvokeCount: number
  }
  readonly responseContext: {
    readonly statusCode: number
    readonly executedVersion: string
    readonly functionError?: string
  }
  readonly version: '1.0'
  readonly timestamp: string
  /** Present on Kinesis records (`DDBStreamBatchInfo` on DynamoDB ones), with the same fields. */
  readonly KinesisBatchInfo?: StreamBatchInfo
  readonly DDBStreamBatchInfo?: StreamBatchInfo
}

/** The discarded records: their shard, sequence range, arrival times and count. */
export interface StreamBatchInfo {
  readonly shardId: string
  readonly startSequenceNumber: string
  readonly endSequenceNumber: string
  readonly approximateArrivalOfFirstRecord: string
  readonly approximateArrivalOfLastRecord: string
  readonly batchSize: number
  readonly streamArn: string
}

/** What the destination record is built from. */
export interface StreamFailureInput {
  readonly kind: 'kinesis' | 'dynamodb-stream'
  readonly entries: readonly StreamEntry[]
  readonly condition: StreamFailureCondition
  readonly shardId: string
  readonly streamArn: string
  readonly functionArn: string
  /** The last invocation that carried these records, if any did. */
  readonly requestId: string | undefined
  readonly invokeCount: number
  readonly functionError: string | undefined
  readonly now: number
}

/**
 * The JSON document Lambda sends to a stream mapping's on-failure destination when it discards records.
 *
 * @example
 * streamFailureRecord({ kind: 'kinesis', entries, condition: 'RetryAttemptsExhausted', … }).KinesisBatchInfo
 */
export function streamFailureRecord(input: StreamFailureInput): StreamFailureRecord {
  const first = input.entries[0]
  const last = input.entries.at(-1)
  const info: StreamBatchInfo = {
    shardId: input.shardId,
    startSequenceNumber: first?.sequenceNumber ?? '',
    endSequenceNumber: last?.sequenceNumber ?? '',
    approximateArrivalOfFirstRecord: new Date(first?.arrivedAt ?? input.now).toISOString(),
    approximateArrivalOfLastRecord: new Date(last?.arrivedAt ?? input.now).toISOString(),
    batchSize: input.entries.length,
    streamArn: input.streamArn,
  }
  return {
    requestContext: {
      requestId: input.requestId ?? '',
      functionArn: input.functionArn,
      condition: input.condition,
      approximateInvokeCount: input.invokeCount,
    },
    responseContext: {
      statusCode: 200,
      executedVersion: '$LATEST',
      ...(input.functionError === undefined ? {} : { functionError: input.functionError }),
    },
    version: '1.0',
    timestamp: new Date(input.now).toISOString(),
    ...(input.kind === 'kinesis' ? { KinesisBatchInfo: info } : { DDBStreamBatchInfo: info }),
  }
}
