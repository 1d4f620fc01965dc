export { type AlbEvent, albSchema } from './alb.ts'
export { type AlexaEvent, alexaSchema } from './alexa.ts'
export {
  type ApigwAuthorizerRequestEvent,
  type ApigwAuthorizerTokenEvent,
  apigwAuthorizerRequestSchema,
  apigwAuthorizerTokenSchema,
} from './apigw-authorizer.ts'
export {
  type ApigwHttpEvent,
  apigwHttpSchema,
  type FunctionUrlEvent,
  functionUrlSchema,
  httpAuthorizerSchema,
} from './apigw-http.ts'
export { type ApigwRestEvent, apigwRestRequestContextSchema, apigwRestSchema } from './apigw-rest.ts'
export { type ApigwWebsocketEvent, apigwWebsocketSchema } from './apigw-websocket.ts'
export {
  type AppsyncAuthorizerEvent,
  type AppsyncEvent,
  appsyncAuthorizerSchema,
  appsyncIdentitySchema,
  appsyncSchema,
} from './appsync.ts'
export { type AppsyncEventsEvent, appsyncEventsSchema } from './appsync-events.ts'
export {
  type ClientVpnConnectionHandlerEvent,
  clientVpnConnectionHandlerSchema,
} from './client-vpn-connection-handler.ts'
export { type CloudformationEvent, cloudformationSchema } from './cloudformation.ts'
export { type CloudfrontEvent, cloudfrontSchema } from './cloudfront.ts'
export {
  type CloudwatchLogsDecoded,
  type CloudwatchLogsEvent,
  cloudwatchLogsDecodedSchema,
  cloudwatchLogsSchema,
} from './cloudwatch-logs.ts'
export { type CodecommitEvent, codecommitSchema } from './codecommit.ts'
export { type CodepipelineEvent, codepipelineSchema } from './codepipeline.ts'
export { type CognitoEvent, type CognitoTrigger, cognitoSchema } from './cognito.ts'
export { type ConfigEvent, configSchema } from './config.ts'
export { type ConnectContactFlowEvent, connectContactFlowSchema } from './connect-contact-flow.ts'
export {
  type DynamoDbAttributeValue,
  dynamoDbAttributeValueSchema,
  dynamoDbItemSchema,
  isDynamoDbAttributeValue,
} from './dynamodb-attribute.ts'
export {
  type DynamoDbStreamEvent,
  dynamoDbStreamRecordSchema,
  dynamoDbStreamSchema,
} from './dynamodb-stream.ts'
export {
  type EventBridgeEvent,
  eventBridgeSchema,
  type S3EventBridgeEvent,
  type ScheduledEvent,
  s3EventBridgeDetailSchema,
  s3EventBridgeSchema,
  scheduledSchema,
} from './eventbridge.ts'
export { type IotButtonEvent, iotButtonSchema } from './iot-button.ts'
export { type IotCustomAuthorizerEvent, iotCustomAuthorizerSchema } from './iot-custom-authorizer.ts'
export {
  type IotPreProvisioningHookEvent,
  iotPreProvisioningHookSchema,
} from './iot-pre-provisioning-hook.ts'
export { type KafkaEvent, kafkaSchema } from './kafka.ts'
export {
  type KinesisFirehoseEvent,
  type KinesisStreamEvent,
  kinesisFirehoseSchema,
  kinesisStreamRecordSchema,
  kinesisStreamSchema,
} from './kinesis.ts'
export { type LexEvent, lexSchema } from './lex.ts'
export { type MqEvent, mqSchema } from './mq.ts'
export { type OpenEnum, openEnum } from './open-enum.ts'
export { type S3BatchEvent, type S3Event, s3BatchSchema, s3RecordSchema, s3Schema } from './s3.ts'
export { type S3ObjectLambdaEvent, s3ObjectLambdaSchema } from './s3-object-lambda.ts'
export { type SecretsManagerRotationEvent, secretsManagerRotationSchema } from './secrets-manager.ts'
export { type SesEvent, sesSchema } from './ses.ts'
export {
  type SnsEvent,
  type SnsSqsNotification,
  snsMessageSchema,
  snsRecordSchema,
  snsSchema,
  snsSqsNotificationSchema,
} from './sns.ts'
export { type SqsEvent, type SqsRecord, sqsRecordSchema, sqsSchema } from './sqs.ts'
export { type VpcLatticeEvent, vpcLatticeSchema } from './vpc-lattice.ts'
