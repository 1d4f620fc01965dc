import type {
  ALBEvent,
  APIGatewayProxyEvent,
  APIGatewayProxyEventV2,
  APIGatewayProxyWebsocketEventV2,
  APIGatewayRequestAuthorizerEvent,
  APIGatewayRequestAuthorizerEventV2,
  APIGatewayTokenAuthorizerEvent,
  AppSyncAuthorizerEvent,
  AppSyncResolverEvent,
  CloudFormationCustomResourceEvent,
  CloudFrontRequestEvent,
  CloudFrontResponseEvent,
  CloudWatchLogsDecodedData,
  CodeCommitTriggerEvent,
  CodePipelineEvent,
  CreateAuthChallengeTriggerEvent,
  CustomEmailSenderTriggerEvent,
  CustomMessageTriggerEvent,
  CustomSMSSenderTriggerEvent,
  DefineAuthChallengeTriggerEvent,
  DynamoDBStreamEvent,
  EventBridgeEvent,
  FirehoseTransformationEvent,
  KinesisStreamEvent,
  LambdaFunctionURLEvent,
  LexEvent,
  LexV2Event,
  MSKEvent,
  PostAuthenticationTriggerEvent,
  PostConfirmationTriggerEvent,
  PreAuthenticationTriggerEvent,
  PreSignUpTriggerEvent,
  PreTokenGenerationTriggerEvent,
  PreTokenGenerationV2TriggerEvent,
  S3BatchEvent,
  S3Event,
  S3ObjectCreatedNotificationEvent,
  ScheduledEvent,
  SESEvent,
  SecretsManagerRotationEvent,
  SelfManagedKafkaEvent,
  SNSEvent,
  SQSEvent,
  UserMigrationTriggerEvent,
  VerifyAuthChallengeResponseTriggerEvent,
} from 'aws-lambda'
import { describe, expectTypeOf, test } from 'vitest'
import { events, type OverridesBySourceId } from './events.ts'

declare const sqs: SQSEvent
declare const sns: SNSEvent
declare const s3: S3Event
declare const kinesis: KinesisStreamEvent
declare const dynamodb: DynamoDBStreamEvent
declare const msk: MSKEvent
declare const selfManaged: SelfManagedKafkaEvent
declare const lexV1: LexEvent
interface Order {
  orderId: string
}

describe('an @types/aws-lambda event is accepted as the overrides of its source’s builder', () => {
  test('record sources take its Records', () => {
    expectTypeOf({ records: sqs.Records }).toExtend<OverridesBySourceId['sqs']>()
    expectTypeOf({ records: sns.Records }).toExtend<OverridesBySourceId['sns']>()
    expectTypeOf({ records: s3.Records }).toExtend<OverridesBySourceId['s3']>()
    expectTypeOf({ records: kinesis.Records }).toExtend<OverridesBySourceId['kinesis-stream']>()
    expectTypeOf({ records: dynamodb.Records }).toExtend<OverridesBySourceId['dynamodb-stream']>()
  })

  test('cloudwatch-logs takes the decoded payload', () => {
    expectTypeOf<CloudWatchLogsDecodedData>().toExtend<OverridesBySourceId['cloudwatch-logs']>()
  })

  test('every other source takes the whole event', () => {
    expectTypeOf<S3ObjectCreatedNotificationEvent>().toExtend<OverridesBySourceId['s3-eventbridge']>()
    expectTypeOf<S3BatchEvent>().toExtend<OverridesBySourceId['s3-batch']>()
    expectTypeOf<EventBridgeEvent<string, unknown>>().toExtend<OverridesBySourceId['eventbridge']>()
    expectTypeOf<EventBridgeEvent<'Order Placed', Order>>().toExtend<OverridesBySourceId['eventbridge']>()
    expectTypeOf<ScheduledEvent>().toExtend<OverridesBySourceId['scheduled']>()
    expectTypeOf<APIGatewayProxyEvent>().toExtend<OverridesBySourceId['apigw-rest']>()
    expectTypeOf<APIGatewayProxyEventV2>().toExtend<OverridesBySourceId['apigw-http']>()
    expectTypeOf<APIGatewayProxyWebsocketEventV2>().toExtend<OverridesBySourceId['apigw-websocket']>()
    expectTypeOf<APIGatewayTokenAuthorizerEvent>().toExtend<OverridesBySourceId['apigw-authorizer-token']>()
    expectTypeOf<APIGatewayRequestAuthorizerEvent>().toExtend<
      OverridesBySourceId['apigw-authorizer-request']
    >()
    expectTypeOf<APIGatewayRequestAuthorizerEventV2>().toExtend<
      OverridesBySourceId['apigw-authorizer-request']
    >()
    expectTypeOf<ALBEvent>().toExtend<OverridesBySourceId['alb']>()
    expectTypeOf<LambdaFunctionURLEvent>().toExtend<OverridesBySourceId['function-url']>()
    expectTypeOf<CloudFrontRequestEvent>().toExtend<OverridesBySourceId['cloudfront']>()
    expectTypeOf<CloudFrontResponseEvent>().toExtend<OverridesBySourceId['cloudfront']>()
    expectTypeOf<FirehoseTransformationEvent>().toExtend<OverridesBySourceId['kinesis-firehose']>()
    expectTypeOf<SESEvent>().toExtend<OverridesBySourceId['ses']>()
    expectTypeOf<CloudFormationCustomResourceEvent>().toExtend<OverridesBySourceId['cloudformation']>()
    expectTypeOf<CodeCommitTriggerEvent>().toExtend<OverridesBySourceId['codecommit']>()
    expectTypeOf<CodePipelineEvent>().toExtend<OverridesBySourceId['codepipeline']>()
    expectTypeOf<MSKEvent>().toExtend<OverridesBySourceId['kafka']>()
    expectTypeOf<SelfManagedKafkaEvent>().toExtend<OverridesBySourceId['kafka']>()
    expectTypeOf<AppSyncResolverEvent<Record<string, unknown>>>().toExtend<OverridesBySourceId['appsync']>()
    expectTypeOf<AppSyncAuthorizerEvent>().toExtend<OverridesBySourceId['appsync-authorizer']>()
    expectTypeOf<LexV2Event>().toExtend<OverridesBySourceId['lex']>()
    expectTypeOf<LexEvent>().toExtend<OverridesBySourceId['lex']>()
    expectTypeOf<SecretsManagerRotationEvent>().toExtend<OverridesBySourceId['secrets-manager-rotation']>()
  })

  test('cognito takes every trigger event', () => {
    expectTypeOf<PreSignUpTriggerEvent>().toExtend<OverridesBySourceId['cognito']>()
    expectTypeOf<PostConfirmationTriggerEvent>().toExtend<OverridesBySourceId['cognito']>()
    expectTypeOf<PreAuthenticationTriggerEvent>().toExtend<OverridesBySourceId['cognito']>()
    expectTypeOf<PostAuthenticationTriggerEvent>().toExtend<OverridesBySourceId['cognito']>()
    expectTypeOf<DefineAuthChallengeTriggerEvent>().toExtend<OverridesBySourceId['cognito']>()
    expectTypeOf<CreateAuthChallengeTriggerEvent>().toExtend<OverridesBySourceId['cognito']>()
    expectTypeOf<VerifyAuthChallengeResponseTriggerEvent>().toExtend<OverridesBySourceId['cognito']>()
    expectTypeOf<PreTokenGenerationTriggerEvent>().toExtend<OverridesBySourceId['cognito']>()
    expectTypeOf<PreTokenGenerationV2TriggerEvent>().toExtend<OverridesBySourceId['cognito']>()
    expectTypeOf<UserMigrationTriggerEvent>().toExtend<OverridesBySourceId['cognito']>()
    expectTypeOf<CustomMessageTriggerEvent>().toExtend<OverridesBySourceId['cognito']>()
    expectTypeOf<CustomEmailSenderTriggerEvent>().toExtend<OverridesBySourceId['cognito']>()
    expectTypeOf<CustomSMSSenderTriggerEvent>().toExtend<OverridesBySourceId['cognito']>()
  })

  test('the builder returns the type of the variant the overrides ask for', () => {
    expectTypeOf(events.kafka(msk)).toEqualTypeOf<MSKEvent>()
    expectTypeOf(events.kafka(selfManaged)).toEqualTypeOf<SelfManagedKafkaEvent>()
    expectTypeOf(events.kafka({ eventSource: 'SelfManagedKafka' })).toEqualTypeOf<SelfManagedKafkaEvent>()
    expectTypeOf(events.lex(lexV1)).toEqualTypeOf<LexEvent>()
    expectTypeOf(events.lex()).toEqualTypeOf<LexV2Event>()
    expectTypeOf(events.eventbridge({ detail: { orderId: 'o-1' } as Order })).toEqualTypeOf<
      EventBridgeEvent<string, Order>
    >()
    // @ts-expect-error an override of another source's shape is still an error
    events.kafka({ records: 'many' })
  })
})
