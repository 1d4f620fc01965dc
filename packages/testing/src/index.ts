export { captureStdio, type EmfDocument, type StdioCapture } from './capture-stdio.ts'
export {
  type Clock,
  createClock,
  type TimerHandle,
  type VirtualClock,
} from './clock.ts'
export {
  type Container,
  type ContainerInvokeOptions,
  type ContainerOptions,
  createContainer,
} from './container.ts'
export { type ContextOptions, createContext, type FakeContext } from './context.ts'
export {
  CallbackNotSupportedError,
  ContainerDisposedError,
  InvalidEventSpecError,
  InvalidOptionError,
  LambdaInvokeError,
  TestingError,
  UnknownEventBuilderError,
} from './errors.ts'
export type { ApigwHttpPartial } from './events/apigw-http.ts'
export {
  type BuiltEvent,
  buildEvent,
  type EventBuilderName,
  type EventByBuilder,
  eventBuilderNames,
} from './events/build-event.ts'
export type { CloudwatchLogsPartial } from './events/cloudwatch-logs.ts'
export type { CodecommitPartial } from './events/codecommit.ts'
export type { CognitoTriggerEvent } from './events/cognito.ts'
export type { EventSourceOptions, JsonValueOption, PayloadOption, PerRecord } from './events/common.ts'
export { type DeepPartial, deepMerge, type Overrides } from './events/deep-merge.ts'
export type {
  DynamoDbItem,
  DynamoDbRecordPartial,
  DynamoDbStreamPartial,
} from './events/dynamodb-stream.ts'
export type { EventBridgePartial, S3EventBridgeEvent, ScheduledPartial } from './events/eventbridge.ts'
export {
  type EventBySourceId,
  type EventSourceId,
  events,
  type OverridesBySourceId,
} from './events/events.ts'
export { type BodyOption, type HttpPartial, requestTime, restIdentity } from './events/http-body.ts'
export type { KafkaEventOf, KafkaPartial } from './events/kafka.ts'
export type { FirehosePartial, KinesisPartial, KinesisRecordPartial } from './events/kinesis.ts'
export type { LexEventOf, LexPartial } from './events/lex.ts'
export { marshall, marshallValue } from './events/marshall.ts'
export type { S3Partial } from './events/s3.ts'
export type { SesPartial } from './events/ses.ts'
export type { SnsPartial, SnsRecordPartial } from './events/sns.ts'
export type { SqsPartial, SqsRecordPartial } from './events/sqs.ts'
export {
  type InvokableHandler,
  type InvokeOptions,
  type InvokeResult,
  invoke,
  invokeResult,
  SERIALIZATION_ERROR_TYPE,
} from './invoke.ts'
export { runStreamingInvocation, type StreamingInvokable } from './invoke-stream.ts'
export { type LambdaEnvInput, lambdaEnv } from './lambda-env.ts'
export {
  type LambdaErrorShape,
  lambdaTimeoutError,
  TIMEOUT_ERROR_TYPE,
  timedOutMessage,
  toLambdaError,
} from './lambda-error.ts'
export type { StreamedChunk, StreamedResult } from './stream-recorder.ts'
export { after, type Driven, drive, hang } from './virtual-time.ts'
