import type * as aws from 'aws-lambda'
import type * as ours from '../src/schemas/index.ts'
import type { awsLambdaDivergences } from './aws-lambda-divergences.ts'
import type { Loosen, Unneeded } from './aws-lambda-loosen.ts'

type Trigger<T extends { triggerSource: string }> = ours.CognitoTrigger<
  T['triggerSource'] & ours.CognitoEvent['triggerSource']
>

/**
 * Each source's sluice type beside the `@types/aws-lambda` type(s) of the same events, `[sluice, aws]`, keyed
 * like {@link awsLambdaDivergences}. Test furniture for `aws-lambda.test-d.ts`.
 *
 * @example
 * type Sqs = Pairs['sqs']['SQSEvent'] // [SqsEvent, SQSEvent]
 */
export interface Pairs {
  sqs: { SQSEvent: [ours.SqsEvent, aws.SQSEvent] }
  sns: { SNSEvent: [ours.SnsEvent, aws.SNSEvent] }
  s3: { S3Event: [ours.S3Event, aws.S3Event] }
  's3-eventbridge': {
    S3ObjectCreatedNotificationEvent: [ours.S3EventBridgeEvent, aws.S3ObjectCreatedNotificationEvent]
  }
  's3-batch': {
    S3BatchEvent: [Extract<ours.S3BatchEvent, { invocationSchemaVersion: '1.0' }>, aws.S3BatchEvent]
  }
  eventbridge: { EventBridgeEvent: [ours.EventBridgeEvent, aws.EventBridgeEvent<string, unknown>] }
  scheduled: { ScheduledEvent: [ours.ScheduledEvent, aws.ScheduledEvent] }
  'apigw-rest': { APIGatewayProxyEvent: [ours.ApigwRestEvent, aws.APIGatewayProxyEvent] }
  'apigw-http': { APIGatewayProxyEventV2: [ours.ApigwHttpEvent, aws.APIGatewayProxyEventV2] }
  'apigw-websocket': {
    APIGatewayProxyWebsocketEventV2: [ours.ApigwWebsocketEvent, aws.APIGatewayProxyWebsocketEventV2]
  }
  'apigw-authorizer-token': {
    APIGatewayTokenAuthorizerEvent: [ours.ApigwAuthorizerTokenEvent, aws.APIGatewayTokenAuthorizerEvent]
  }
  'apigw-authorizer-request': {
    APIGatewayRequestAuthorizerEvent: [
      // REST and HTTP 1.0 authorizers (WebSocket ones have no resource; @types/aws-lambda folds them in here)
      Extract<ours.ApigwAuthorizerRequestEvent, { resource: string }>,
      aws.APIGatewayRequestAuthorizerEvent,
    ]
    APIGatewayRequestAuthorizerEventV2: [
      Extract<ours.ApigwAuthorizerRequestEvent, { routeArn: string }>,
      aws.APIGatewayRequestAuthorizerEventV2,
    ]
  }
  alb: { ALBEvent: [ours.AlbEvent, aws.ALBEvent] }
  'function-url': { LambdaFunctionURLEvent: [ours.FunctionUrlEvent, aws.LambdaFunctionURLEvent] }
  cloudfront: {
    CloudFrontRequestEvent: [ours.CloudfrontEvent, aws.CloudFrontRequestEvent]
    CloudFrontResponseEvent: [ours.CloudfrontEvent, aws.CloudFrontResponseEvent]
  }
  'dynamodb-stream': { DynamoDBStreamEvent: [ours.DynamoDbStreamEvent, aws.DynamoDBStreamEvent] }
  'kinesis-stream': { KinesisStreamEvent: [ours.KinesisStreamEvent, aws.KinesisStreamEvent] }
  'kinesis-firehose': {
    FirehoseTransformationEvent: [ours.KinesisFirehoseEvent, aws.FirehoseTransformationEvent]
  }
  'cloudwatch-logs': {
    CloudWatchLogsEvent: [ours.CloudwatchLogsEvent, aws.CloudWatchLogsEvent]
    CloudWatchLogsDecodedData: [ours.CloudwatchLogsDecoded, aws.CloudWatchLogsDecodedData]
  }
  ses: { SESEvent: [ours.SesEvent, aws.SESEvent] }
  cognito: {
    PreSignUpTriggerEvent: [Trigger<aws.PreSignUpTriggerEvent>, aws.PreSignUpTriggerEvent]
    PostConfirmationTriggerEvent: [
      Trigger<aws.PostConfirmationTriggerEvent>,
      aws.PostConfirmationTriggerEvent,
    ]
    PreAuthenticationTriggerEvent: [
      Trigger<aws.PreAuthenticationTriggerEvent>,
      aws.PreAuthenticationTriggerEvent,
    ]
    PostAuthenticationTriggerEvent: [
      Trigger<aws.PostAuthenticationTriggerEvent>,
      aws.PostAuthenticationTriggerEvent,
    ]
    DefineAuthChallengeTriggerEvent: [
      Trigger<aws.DefineAuthChallengeTriggerEvent>,
      aws.DefineAuthChallengeTriggerEvent,
    ]
    CreateAuthChallengeTriggerEvent: [
      Trigger<aws.CreateAuthChallengeTriggerEvent>,
      aws.CreateAuthChallengeTriggerEvent,
    ]
    VerifyAuthChallengeResponseTriggerEvent: [
      Trigger<aws.VerifyAuthChallengeResponseTriggerEvent>,
      aws.VerifyAuthChallengeResponseTriggerEvent,
    ]
    PreTokenGenerationTriggerEvent: [
      Trigger<aws.PreTokenGenerationTriggerEvent>,
      aws.PreTokenGenerationTriggerEvent | aws.PreTokenGenerationV2TriggerEvent,
    ]
    UserMigrationTriggerEvent: [Trigger<aws.UserMigrationTriggerEvent>, aws.UserMigrationTriggerEvent]
    CustomMessageTriggerEvent: [Trigger<aws.CustomMessageTriggerEvent>, aws.CustomMessageTriggerEvent]
    CustomEmailSenderTriggerEvent: [
      Trigger<aws.CustomEmailSenderTriggerEvent>,
      aws.CustomEmailSenderTriggerEvent,
    ]
    CustomSMSSenderTriggerEvent: [Trigger<aws.CustomSMSSenderTriggerEvent>, aws.CustomSMSSenderTriggerEvent]
    InboundFederationTriggerEvent: [
      Trigger<aws.InboundFederationTriggerEvent>,
      aws.InboundFederationTriggerEvent,
    ]
  }
  cloudformation: {
    CloudFormationCustomResourceEvent: [ours.CloudformationEvent, aws.CloudFormationCustomResourceEvent]
  }
  codecommit: { CodeCommitTriggerEvent: [ours.CodecommitEvent, aws.CodeCommitTriggerEvent] }
  codepipeline: { CodePipelineEvent: [ours.CodepipelineEvent, aws.CodePipelineEvent] }
  kafka: {
    MSKEvent: [Extract<ours.KafkaEvent, { eventSource: 'aws:kafka' }>, aws.MSKEvent]
    SelfManagedKafkaEvent: [
      Extract<ours.KafkaEvent, { eventSource: 'SelfManagedKafka' }>,
      aws.SelfManagedKafkaEvent,
    ]
  }
  appsync: { AppSyncResolverEvent: [ours.AppsyncEvent, aws.AppSyncResolverEvent<Record<string, unknown>>] }
  'appsync-authorizer': { AppSyncAuthorizerEvent: [ours.AppsyncAuthorizerEvent, aws.AppSyncAuthorizerEvent] }
  lex: {
    LexEvent: [Exclude<ours.LexEvent, { sessionId: string }>, aws.LexEvent]
    LexV2Event: [Extract<ours.LexEvent, { sessionId: string }>, aws.LexV2Event]
  }
  'secrets-manager-rotation': {
    SecretsManagerRotationEvent: [ours.SecretsManagerRotationEvent, aws.SecretsManagerRotationEvent]
  }
}

type D = typeof awsLambdaDivergences
type Listed<S, N> = S extends keyof D ? (N extends keyof D[S] ? D[S][N] : never) : never
/**
 * The sluice side of a pair.
 *
 * @example
 * type Parsed = Ours<'sqs', 'SQSEvent'> // SqsEvent
 */
export type Ours<S extends keyof Pairs, N extends keyof Pairs[S]> = Pairs[S][N] extends [infer $Ours, unknown]
  ? $Ours
  : never
/**
 * The `@types/aws-lambda` side of a pair.
 *
 * @example
 * type Typed = Aws<'sqs', 'SQSEvent'> // SQSEvent
 */
export type Aws<S extends keyof Pairs, N extends keyof Pairs[S]> = Pairs[S][N] extends [unknown, infer $Aws]
  ? $Aws
  : never
/**
 * The AWS type with this pair's listed divergences loosened: the sluice type must extend it.
 *
 * @example
 * expectTypeOf<Ours<'sns', 'SNSEvent'>>().toExtend<Relaxed<'sns', 'SNSEvent'>>()
 */
export type Relaxed<S extends keyof Pairs, N extends keyof Pairs[S]> = Loosen<Aws<S, N>, Listed<S, N>>
/**
 * Listed divergences the sluice type does not need: must be none, so the list stays exact.
 *
 * @example
 * expectTypeOf<Stale<'sns', 'SNSEvent'>>().toEqualTypeOf<never>()
 */
export type Stale<S extends keyof Pairs, N extends keyof Pairs[S]> = Unneeded<
  Ours<S, N>,
  Aws<S, N>,
  Listed<S, N>
>
