export { DEFAULT_PRICES, estimateCost, gbSeconds, type Prices } from './cost.ts'
export {
  type AsyncConfig,
  type DevConfig,
  type DevSourceOptions,
  defineConfig,
  type EventConfig,
  type FunctionConfig,
  type QueueConfig,
  type StreamConfig,
} from './dev/dev-config.ts'
export type { DevLine } from './dev/dev-line.ts'
export type { FunctionTarget } from './dev/function-target.ts'
export { type LoadedConfig, loadConfig } from './dev/load-config.ts'
export type {
  FrontDoorFactory,
  FrontDoorRoute,
  SourceFactories,
  SourceFactory,
  SourceFactoryOptions,
  SourceKind,
} from './dev/source-factories.ts'
export { type DevOptions, type DevServer, startDev } from './dev/start-dev.ts'
export { validateConfig } from './dev/validate-config.ts'
export { SluiceRuntimeError, type SluiceRuntimeErrorCode } from './errors.ts'
export {
  type AsyncAttempt,
  type AsyncInvoker,
  type AsyncInvokerOptions,
  asyncInvoker,
} from './event-sources/async-invoker.ts'
export type { AsyncDestinationConfig, AsyncInvokeConfig } from './event-sources/async-options.ts'
export { ASYNC_PAYLOAD_LIMIT_BYTES } from './event-sources/async-payload.ts'
export type { AsyncInvocationRecord, AsyncRecordCondition } from './event-sources/async-record.ts'
export type { AsyncSource } from './event-sources/async-source.ts'
export {
  type DynamoDbStreamRecordInput,
  MAX_DYNAMODB_ITEM_BYTES,
  type StreamViewType,
} from './event-sources/dynamodb-stream-record.ts'
export {
  type DynamoDbStreamSource,
  type DynamoDbStreamSourceOptions,
  dynamodbStreamSource,
} from './event-sources/dynamodb-stream-source.ts'
export { eventSources } from './event-sources/event-sources.ts'
export {
  type EventbridgeSourceInput,
  type EventbridgeSourceOptions,
  eventbridgeSource,
} from './event-sources/eventbridge-source.ts'
export {
  type JsonValue,
  type KinesisRecordInput,
  MAX_KINESIS_RECORD_BYTES,
} from './event-sources/kinesis-record.ts'
export {
  type KinesisSource,
  type KinesisSourceOptions,
  kinesisSource,
} from './event-sources/kinesis-source.ts'
export { type S3SourceInput, type S3SourceOptions, s3Source } from './event-sources/s3-source.ts'
export { type SnsSourceInput, type SnsSourceOptions, snsSource } from './event-sources/sns-source.ts'
export { sourceTime } from './event-sources/source-time.ts'
export {
  type EventSource,
  type Fate,
  type FateState,
  type FateStep,
  functionArnOf,
  type InvokeTarget,
  isFinal,
  type SourceActivity,
  type SourceBaseOptions,
  type SourceTime,
} from './event-sources/source-types.ts'
export type { SqsJsonValue, SqsMessageAttributeInput, SqsMessageInput } from './event-sources/sqs-message.ts'
export type { SqsSourceOptions } from './event-sources/sqs-options.ts'
export type { DeadLetter } from './event-sources/sqs-queue.ts'
export type { SqsEventRecord } from './event-sources/sqs-record.ts'
export { type SqsSource, sqsSource } from './event-sources/sqs-source.ts'
export type {
  StreamBatchInfo,
  StreamFailureCondition,
  StreamFailureRecord,
} from './event-sources/stream-failure-record.ts'
export type { StreamMappingOptions } from './event-sources/stream-options.ts'
export { type HandlerSpec, parseHandlerSpec } from './handler-spec.ts'
export type { HttpRequestRecord } from './http/exchange.ts'
export {
  type HttpFrontDoor,
  type HttpFrontDoorOptions,
  type HttpRouteInfo,
  httpFrontDoor,
} from './http/front-door.ts'
export type { GatewayFailure } from './http/gateway-replies.ts'
export type { HttpRoute, HttpRouteType } from './http/route-table.ts'
export type { HttpPrelude } from './http-prelude.ts'
export type { InvocationResult, InvokeOptions, StreamChunk, StreamedResponse } from './invocation.ts'
export { checkPackageSize, PACKAGE_LIMITS, type PackageSize } from './package/limits.ts'
export { type PackageOptions, type PackageResult, packageHandler } from './package/package-handler.ts'
export type { LambdaErrorBody } from './platform-errors.ts'
export { platformLines } from './platform-lines.ts'
export { buildReport, formatReportLine, type InvocationReport, type InvocationStatus } from './report.ts'
export type { ContainerInfo, ContainerState } from './ric-container.ts'
export { type Runtime, type RuntimeOptions, startRuntime } from './start-runtime.ts'
export { STREAM_LIMITS, type StreamLimits } from './stream-limits.ts'
