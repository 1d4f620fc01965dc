import { SluiceRuntimeError } from '../errors.ts'
import {
  type DynamoDbStreamRecordInput,
  dynamodbStreamAppends,
  type StreamViewType,
} from './dynamodb-stream-record.ts'
import { sourceTime } from './source-time.ts'
import { type EventSource, functionArnOf, type InvokeTarget, type SourceBaseOptions } from './source-types.ts'
import { streamEngine } from './stream-engine.ts'
import { resolveStreamMapping, type StreamMappingOptions } from './stream-options.ts'

/** Options of {@link dynamodbStreamSource}: the table's stream, its event source mapping, and the function. */
export interface DynamoDbStreamSourceOptions extends StreamMappingOptions, SourceBaseOptions {
  readonly function: InvokeTarget
  /** What each record carries. Default `NEW_AND_OLD_IMAGES`. */
  readonly streamViewType?: StreamViewType
  /** Default `us-east-1`. */
  readonly awsRegion?: string
}

/** A local DynamoDB stream with Lambda's event source mapping on it. */
export interface DynamoDbStreamSource extends EventSource<DynamoDbStreamRecordInput> {
  /** `arn:aws:dynamodb:<region>:123456789012:table/<name>/stream/<created>`, the records' `eventSourceARN`. */
  readonly streamArn: string
}

const VIEW_TYPES: readonly unknown[] = ['KEYS_ONLY', 'NEW_IMAGE', 'OLD_IMAGE', 'NEW_AND_OLD_IMAGES']

/**
 * A DynamoDB table's stream, polled as Lambda polls it: the same shard engine as {@link kinesisSource} (ordered,
 * blocking, bisect, retries, record age, checkpoints from `batchItemFailures`, parallelization per item key), fed
 * with item changes given as plain values; the on-failure destination receives `DDBStreamBatchInfo` metadata.
 *
 * @example
 * await using orders = dynamodbStreamSource({ function: runtime, functionResponseTypes: ['ReportBatchItemFailures'] })
 * await orders.send({ keys: { pk: 'order-1' }, newImage: { status: 'paid' } })
 * await orders.quiet()
 */
export function dynamodbStreamSource(options: DynamoDbStreamSourceOptions): DynamoDbStreamSource {
  const mapping = resolveStreamMapping(options)
  const streamViewType = options.streamViewType ?? 'NEW_AND_OLD_IMAGES'
  if (!VIEW_TYPES.includes(streamViewType))
    throw new SluiceRuntimeError(
      'EVENT_SOURCE_INVALID_OPTION',
      `streamViewType must be KEYS_ONLY, NEW_IMAGE, OLD_IMAGE or NEW_AND_OLD_IMAGES (got ${JSON.stringify(streamViewType)})`,
    )
  const time = sourceTime(options)
  const name = options.name ?? 'dynamodb-stream'
  const awsRegion = options.awsRegion ?? 'us-east-1'
  const label = new Date(time.now()).toISOString().slice(0, 23)
  const streamArn = `arn:aws:dynamodb:${awsRegion}:123456789012:table/${name}/stream/${label}`
  const functionArn = functionArnOf(options.function, awsRegion, 'function')
  const target = options.function
  const engine = streamEngine({
    kind: 'dynamodb-stream',
    name,
    target,
    mapping,
    time,
    streamArn,
    functionArn,
  })
  const context = { awsRegion, streamArn, streamViewType }
  return {
    ...engine,
    streamArn,
    send: async (input) => engine.append(dynamodbStreamAppends(input, context)),
  }
}
