import { type KinesisRecordInput, kinesisAppends } from './kinesis-record.ts'
import { sourceTime } from './source-time.ts'
import { type EventSource, functionArnOf, type InvokeTarget, type SourceBaseOptions } from './source-types.ts'
import { streamEngine } from './stream-engine.ts'
import { resolveStreamMapping, type StreamMappingOptions } from './stream-options.ts'

/** Options of {@link kinesisSource}: the stream, its event source mapping, and the function it feeds. */
export interface KinesisSourceOptions extends StreamMappingOptions, SourceBaseOptions {
  readonly function: InvokeTarget
  /** Default `us-east-1`. */
  readonly awsRegion?: string
}

/** A local Kinesis data stream with Lambda's event source mapping on it. */
export interface KinesisSource extends EventSource<KinesisRecordInput> {
  /** `arn:aws:kinesis:<region>:123456789012:stream/<name>`, the records' `eventSourceARN`. */
  readonly streamArn: string
}

/**
 * A Kinesis stream whose shards are polled as Lambda polls them: ordered batches per shard, a failed batch
 * blocks its shard until it succeeds, its retries run out or its records grow too old (then the on-failure
 * destination gets metadata naming the shard and sequence range), bisect on function error, checkpoints from
 * `batchItemFailures`, and up to `parallelizationFactor` batches per shard with order kept per partition key.
 *
 * @example
 * await using metrics = kinesisSource({ function: runtime, bisectBatchOnFunctionError: true, maximumRetryAttempts: 2,
 *   destinationConfig: { onFailure: { destination: 'metrics-failures' } }, timeScale: 1000 })
 * await metrics.send({ partitionKey: 'checkout', data: { latencyMs: 42 } })
 * await metrics.quiet()
 * metrics.outputs().onFailure // [{ requestContext: { condition: 'RetryAttemptsExhausted', … }, KinesisBatchInfo }]
 */
export function kinesisSource(options: KinesisSourceOptions): KinesisSource {
  const mapping = resolveStreamMapping(options)
  const time = sourceTime(options)
  const name = options.name ?? 'kinesis'
  const awsRegion = options.awsRegion ?? 'us-east-1'
  const streamArn = `arn:aws:kinesis:${awsRegion}:123456789012:stream/${name}`
  const functionArn = functionArnOf(options.function, awsRegion, 'function')
  const engine = streamEngine({
    kind: 'kinesis',
    name,
    target: options.function,
    mapping,
    time,
    streamArn,
    functionArn,
  })
  const context = {
    awsRegion,
    streamArn,
    invokeIdentityArn: `arn:aws:iam::123456789012:role/${name}-consumer`,
  }
  return {
    ...engine,
    streamArn,
    send: async (input) => engine.append(kinesisAppends(input, context)),
  }
}
