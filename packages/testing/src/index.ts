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
export {
  type BuiltEvent,
  buildEvent,
  type EventBuilderName,
  type EventByBuilder,
  eventBuilderNames,
} from './events/build-event.ts'
export type { EventSourceOptions, PayloadOption } from './events/common.ts'
export {
  type DynamoDbItem,
  type DynamoDbStreamEventOptions,
  dynamoDbStreamEvent,
} from './events/dynamodb-stream.ts'
export { type EventBridgeEventOptions, eventBridgeEvent } from './events/eventbridge.ts'
export { type KinesisEventOptions, kinesisEvent } from './events/kinesis.ts'
export { type S3EventOptions, s3Event } from './events/s3.ts'
export { type ScheduledEventOptions, scheduledEvent } from './events/scheduled.ts'
export { type SnsEventOptions, snsEvent } from './events/sns.ts'
export { type SqsEventOptions, sqsEvent } from './events/sqs.ts'
export {
  type InvokableHandler,
  type InvokeOptions,
  type InvokeResult,
  invoke,
  invokeResult,
  SERIALIZATION_ERROR_TYPE,
  TIMEOUT_ERROR_TYPE,
} from './invoke.ts'
export type { InitializationType } from './lambda-env.ts'
export { type LambdaErrorShape, toLambdaError } from './lambda-error.ts'
