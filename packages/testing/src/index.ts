export { captureStdio, type EmfDocument, type StdioCapture } from './capture-stdio.ts'
export {
  type Clock,
  createClock,
  systemClock,
  type TimerClock,
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
export { type ApiGatewayHttpEventOptions, apiGatewayHttpEvent } from './events/api-gateway-http.ts'
export type { KafkaEventOf, KafkaPartial } from './events/broker-events.ts'
export {
  type BuiltEvent,
  buildEvent,
  type EventBuilderName,
  type EventByBuilder,
  eventBuilderNames,
} from './events/build-event.ts'
export type { EventSourceOptions, JsonValueOption, PayloadOption } from './events/common.ts'
export { type DeepPartial, deepMerge, type Overrides } from './events/deep-merge.ts'
export {
  type DynamoDbItem,
  type DynamoDbStreamEventOptions,
  dynamoDbStreamEvent,
} from './events/dynamodb-stream.ts'
export { type EventBridgeEventOptions, eventBridgeEvent } from './events/eventbridge.ts'
export type { EventBridgePartial, S3EventBridgeEvent } from './events/eventbridge-events.ts'
export {
  type EventBySourceId,
  type EventSourceId,
  events,
  type OverridesBySourceId,
} from './events/events.ts'
export type { BodyOption } from './events/http-body.ts'
export type { HttpPartial } from './events/http-events.ts'
export { type KinesisEventOptions, kinesisEvent } from './events/kinesis.ts'
export type { LexEventOf, LexPartial } from './events/lex-events.ts'
export type {
  ActiveMqEvent,
  AlexaSkillEvent,
  ConfigRuleEvent,
  IotButtonEvent,
  S3ObjectLambdaGetObjectEvent,
  VpcLatticeV2Event,
} from './events/local-types.ts'
export { marshall, marshallValue } from './events/marshall.ts'
export type {
  DynamoDbStreamPartial,
  KinesisPartial,
  S3Partial,
  SnsPartial,
  SqsPartial,
} from './events/record-sources.ts'
export { type S3EventOptions, s3Event } from './events/s3.ts'
export { type ScheduledEventOptions, scheduledEvent } from './events/scheduled.ts'
export type { CognitoTriggerEvent } from './events/ses-cognito-events.ts'
export { type SnsEventOptions, snsEvent } from './events/sns.ts'
export { type SqsEventOptions, sqsEvent } from './events/sqs.ts'
export type { CloudwatchLogsPartial, FirehosePartial } from './events/stream-more-events.ts'
export {
  type InvokableHandler,
  type InvokeOptions,
  type InvokeResult,
  invoke,
  invokeResult,
  SERIALIZATION_ERROR_TYPE,
} from './invoke.ts'
export { type InitializationType, type LambdaEnvInput, lambdaEnv } from './lambda-env.ts'
export {
  type LambdaErrorShape,
  lambdaTimeoutError,
  TIMEOUT_ERROR_TYPE,
  timedOutMessage,
  toLambdaError,
} from './lambda-error.ts'
