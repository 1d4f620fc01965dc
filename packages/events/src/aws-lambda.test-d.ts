import type * as aws from 'aws-lambda'
import { describe, expectTypeOf, test } from 'vitest'
import type { awsLambdaDivergences } from '../test-support/aws-lambda-divergences.ts'
import type { Loosen, Unneeded } from '../test-support/aws-lambda-loosen.ts'
import type { Ours, Pairs, Relaxed, Stale } from '../test-support/aws-lambda-pairs.ts'
import type { SourceId } from './sources.ts'

type D = typeof awsLambdaDivergences

describe('the list of divergences covers every source both describe', () => {
  test('same sources and types as the list, and the sources @types/aws-lambda has no type for', () => {
    expectTypeOf<keyof Pairs>().toEqualTypeOf<keyof D>()
    expectTypeOf<{ [S in keyof Pairs]: keyof Pairs[S] }>().toEqualTypeOf<{
      -readonly [S in keyof D]: keyof D[S]
    }>()
    expectTypeOf<Exclude<SourceId, keyof Pairs>>().toEqualTypeOf<
      | 's3-object-lambda'
      | 'config'
      | 'mq'
      | 'alexa'
      | 'iot-button'
      | 'vpc-lattice'
      | 'appsync-events'
      | 'connect-contact-flow'
      | 'iot-custom-authorizer'
      | 'iot-pre-provisioning-hook'
      | 'client-vpn-connection-handler'
    >()
  })
})

describe('a parsed sluice event is assignable to its @types/aws-lambda type but for the listed fields', () => {
  test('sqs', () => {
    expectTypeOf<Ours<'sqs', 'SQSEvent'>>().toExtend<Relaxed<'sqs', 'SQSEvent'>>()
    expectTypeOf<Stale<'sqs', 'SQSEvent'>>().toEqualTypeOf<never>()
  })
  test('sns', () => {
    expectTypeOf<Ours<'sns', 'SNSEvent'>>().toExtend<Relaxed<'sns', 'SNSEvent'>>()
    expectTypeOf<Stale<'sns', 'SNSEvent'>>().toEqualTypeOf<never>()
  })
  test('s3', () => {
    expectTypeOf<Ours<'s3', 'S3Event'>>().toExtend<Relaxed<'s3', 'S3Event'>>()
    expectTypeOf<Stale<'s3', 'S3Event'>>().toEqualTypeOf<never>()
  })
  test('s3-eventbridge', () => {
    expectTypeOf<Ours<'s3-eventbridge', 'S3ObjectCreatedNotificationEvent'>>().toExtend<
      Relaxed<'s3-eventbridge', 'S3ObjectCreatedNotificationEvent'>
    >()
    expectTypeOf<Stale<'s3-eventbridge', 'S3ObjectCreatedNotificationEvent'>>().toEqualTypeOf<never>()
  })
  test('s3-batch', () => {
    expectTypeOf<Ours<'s3-batch', 'S3BatchEvent'>>().toExtend<Relaxed<'s3-batch', 'S3BatchEvent'>>()
    expectTypeOf<Stale<'s3-batch', 'S3BatchEvent'>>().toEqualTypeOf<never>()
  })
  test('eventbridge', () => {
    expectTypeOf<Ours<'eventbridge', 'EventBridgeEvent'>>().toExtend<
      Relaxed<'eventbridge', 'EventBridgeEvent'>
    >()
    expectTypeOf<Stale<'eventbridge', 'EventBridgeEvent'>>().toEqualTypeOf<never>()
  })
  test('scheduled', () => {
    expectTypeOf<Ours<'scheduled', 'ScheduledEvent'>>().toExtend<Relaxed<'scheduled', 'ScheduledEvent'>>()
    expectTypeOf<Stale<'scheduled', 'ScheduledEvent'>>().toEqualTypeOf<never>()
  })
  test('apigw-rest', () => {
    expectTypeOf<Ours<'apigw-rest', 'APIGatewayProxyEvent'>>().toExtend<
      Relaxed<'apigw-rest', 'APIGatewayProxyEvent'>
    >()
    expectTypeOf<Stale<'apigw-rest', 'APIGatewayProxyEvent'>>().toEqualTypeOf<never>()
  })
  test('apigw-http', () => {
    expectTypeOf<Ours<'apigw-http', 'APIGatewayProxyEventV2'>>().toExtend<
      Relaxed<'apigw-http', 'APIGatewayProxyEventV2'>
    >()
    expectTypeOf<Stale<'apigw-http', 'APIGatewayProxyEventV2'>>().toEqualTypeOf<never>()
  })
  test('apigw-websocket', () => {
    expectTypeOf<Ours<'apigw-websocket', 'APIGatewayProxyWebsocketEventV2'>>().toExtend<
      Relaxed<'apigw-websocket', 'APIGatewayProxyWebsocketEventV2'>
    >()
    expectTypeOf<Stale<'apigw-websocket', 'APIGatewayProxyWebsocketEventV2'>>().toEqualTypeOf<never>()
  })
  test('apigw-authorizer-token', () => {
    expectTypeOf<Ours<'apigw-authorizer-token', 'APIGatewayTokenAuthorizerEvent'>>().toExtend<
      Relaxed<'apigw-authorizer-token', 'APIGatewayTokenAuthorizerEvent'>
    >()
    expectTypeOf<Stale<'apigw-authorizer-token', 'APIGatewayTokenAuthorizerEvent'>>().toEqualTypeOf<never>()
  })
  test('apigw-authorizer-request', () => {
    expectTypeOf<Ours<'apigw-authorizer-request', 'APIGatewayRequestAuthorizerEvent'>>().toExtend<
      Relaxed<'apigw-authorizer-request', 'APIGatewayRequestAuthorizerEvent'>
    >()
    expectTypeOf<
      Stale<'apigw-authorizer-request', 'APIGatewayRequestAuthorizerEvent'>
    >().toEqualTypeOf<never>()
    expectTypeOf<Ours<'apigw-authorizer-request', 'APIGatewayRequestAuthorizerEventV2'>>().toExtend<
      Relaxed<'apigw-authorizer-request', 'APIGatewayRequestAuthorizerEventV2'>
    >()
    expectTypeOf<
      Stale<'apigw-authorizer-request', 'APIGatewayRequestAuthorizerEventV2'>
    >().toEqualTypeOf<never>()
  })
  test('alb', () => {
    expectTypeOf<Ours<'alb', 'ALBEvent'>>().toExtend<Relaxed<'alb', 'ALBEvent'>>()
    expectTypeOf<Stale<'alb', 'ALBEvent'>>().toEqualTypeOf<never>()
  })
  test('function-url', () => {
    expectTypeOf<Ours<'function-url', 'LambdaFunctionURLEvent'>>().toExtend<
      Relaxed<'function-url', 'LambdaFunctionURLEvent'>
    >()
    expectTypeOf<Stale<'function-url', 'LambdaFunctionURLEvent'>>().toEqualTypeOf<never>()
  })
  test('cloudfront', () => {
    expectTypeOf<Ours<'cloudfront', 'CloudFrontRequestEvent'>>().toExtend<
      Relaxed<'cloudfront', 'CloudFrontRequestEvent'>
    >()
    expectTypeOf<Stale<'cloudfront', 'CloudFrontRequestEvent'>>().toEqualTypeOf<never>()
    expectTypeOf<Ours<'cloudfront', 'CloudFrontResponseEvent'>>().toExtend<
      Relaxed<'cloudfront', 'CloudFrontResponseEvent'>
    >()
    expectTypeOf<Stale<'cloudfront', 'CloudFrontResponseEvent'>>().toEqualTypeOf<never>()
  })
  test('dynamodb-stream', () => {
    expectTypeOf<Ours<'dynamodb-stream', 'DynamoDBStreamEvent'>>().toExtend<
      Relaxed<'dynamodb-stream', 'DynamoDBStreamEvent'>
    >()
    expectTypeOf<Stale<'dynamodb-stream', 'DynamoDBStreamEvent'>>().toEqualTypeOf<never>()
  })
  test('kinesis-stream', () => {
    expectTypeOf<Ours<'kinesis-stream', 'KinesisStreamEvent'>>().toExtend<
      Relaxed<'kinesis-stream', 'KinesisStreamEvent'>
    >()
    expectTypeOf<Stale<'kinesis-stream', 'KinesisStreamEvent'>>().toEqualTypeOf<never>()
  })
  test('kinesis-firehose', () => {
    expectTypeOf<Ours<'kinesis-firehose', 'FirehoseTransformationEvent'>>().toExtend<
      Relaxed<'kinesis-firehose', 'FirehoseTransformationEvent'>
    >()
    expectTypeOf<Stale<'kinesis-firehose', 'FirehoseTransformationEvent'>>().toEqualTypeOf<never>()
  })
  test('cloudwatch-logs', () => {
    expectTypeOf<Ours<'cloudwatch-logs', 'CloudWatchLogsEvent'>>().toExtend<
      Relaxed<'cloudwatch-logs', 'CloudWatchLogsEvent'>
    >()
    expectTypeOf<Stale<'cloudwatch-logs', 'CloudWatchLogsEvent'>>().toEqualTypeOf<never>()
    expectTypeOf<Ours<'cloudwatch-logs', 'CloudWatchLogsDecodedData'>>().toExtend<
      Relaxed<'cloudwatch-logs', 'CloudWatchLogsDecodedData'>
    >()
    expectTypeOf<Stale<'cloudwatch-logs', 'CloudWatchLogsDecodedData'>>().toEqualTypeOf<never>()
  })
  test('ses', () => {
    expectTypeOf<Ours<'ses', 'SESEvent'>>().toExtend<Relaxed<'ses', 'SESEvent'>>()
    expectTypeOf<Stale<'ses', 'SESEvent'>>().toEqualTypeOf<never>()
  })
  test('cognito', () => {
    expectTypeOf<Ours<'cognito', 'PreSignUpTriggerEvent'>>().toExtend<
      Relaxed<'cognito', 'PreSignUpTriggerEvent'>
    >()
    expectTypeOf<Stale<'cognito', 'PreSignUpTriggerEvent'>>().toEqualTypeOf<never>()
    expectTypeOf<Ours<'cognito', 'PostConfirmationTriggerEvent'>>().toExtend<
      Relaxed<'cognito', 'PostConfirmationTriggerEvent'>
    >()
    expectTypeOf<Stale<'cognito', 'PostConfirmationTriggerEvent'>>().toEqualTypeOf<never>()
    expectTypeOf<Ours<'cognito', 'PreAuthenticationTriggerEvent'>>().toExtend<
      Relaxed<'cognito', 'PreAuthenticationTriggerEvent'>
    >()
    expectTypeOf<Stale<'cognito', 'PreAuthenticationTriggerEvent'>>().toEqualTypeOf<never>()
    expectTypeOf<Ours<'cognito', 'PostAuthenticationTriggerEvent'>>().toExtend<
      Relaxed<'cognito', 'PostAuthenticationTriggerEvent'>
    >()
    expectTypeOf<Stale<'cognito', 'PostAuthenticationTriggerEvent'>>().toEqualTypeOf<never>()
    expectTypeOf<Ours<'cognito', 'DefineAuthChallengeTriggerEvent'>>().toExtend<
      Relaxed<'cognito', 'DefineAuthChallengeTriggerEvent'>
    >()
    expectTypeOf<Stale<'cognito', 'DefineAuthChallengeTriggerEvent'>>().toEqualTypeOf<never>()
    expectTypeOf<Ours<'cognito', 'CreateAuthChallengeTriggerEvent'>>().toExtend<
      Relaxed<'cognito', 'CreateAuthChallengeTriggerEvent'>
    >()
    expectTypeOf<Stale<'cognito', 'CreateAuthChallengeTriggerEvent'>>().toEqualTypeOf<never>()
    expectTypeOf<Ours<'cognito', 'VerifyAuthChallengeResponseTriggerEvent'>>().toExtend<
      Relaxed<'cognito', 'VerifyAuthChallengeResponseTriggerEvent'>
    >()
    expectTypeOf<Stale<'cognito', 'VerifyAuthChallengeResponseTriggerEvent'>>().toEqualTypeOf<never>()
    expectTypeOf<Ours<'cognito', 'PreTokenGenerationTriggerEvent'>>().toExtend<
      Relaxed<'cognito', 'PreTokenGenerationTriggerEvent'>
    >()
    expectTypeOf<Stale<'cognito', 'PreTokenGenerationTriggerEvent'>>().toEqualTypeOf<never>()
    expectTypeOf<Ours<'cognito', 'UserMigrationTriggerEvent'>>().toExtend<
      Relaxed<'cognito', 'UserMigrationTriggerEvent'>
    >()
    expectTypeOf<Stale<'cognito', 'UserMigrationTriggerEvent'>>().toEqualTypeOf<never>()
    expectTypeOf<Ours<'cognito', 'CustomMessageTriggerEvent'>>().toExtend<
      Relaxed<'cognito', 'CustomMessageTriggerEvent'>
    >()
    expectTypeOf<Stale<'cognito', 'CustomMessageTriggerEvent'>>().toEqualTypeOf<never>()
    expectTypeOf<Ours<'cognito', 'CustomEmailSenderTriggerEvent'>>().toExtend<
      Relaxed<'cognito', 'CustomEmailSenderTriggerEvent'>
    >()
    expectTypeOf<Stale<'cognito', 'CustomEmailSenderTriggerEvent'>>().toEqualTypeOf<never>()
    expectTypeOf<Ours<'cognito', 'CustomSMSSenderTriggerEvent'>>().toExtend<
      Relaxed<'cognito', 'CustomSMSSenderTriggerEvent'>
    >()
    expectTypeOf<Stale<'cognito', 'CustomSMSSenderTriggerEvent'>>().toEqualTypeOf<never>()
    expectTypeOf<Ours<'cognito', 'InboundFederationTriggerEvent'>>().toExtend<
      Relaxed<'cognito', 'InboundFederationTriggerEvent'>
    >()
    expectTypeOf<Stale<'cognito', 'InboundFederationTriggerEvent'>>().toEqualTypeOf<never>()
  })
  test('cloudformation', () => {
    expectTypeOf<Ours<'cloudformation', 'CloudFormationCustomResourceEvent'>>().toExtend<
      Relaxed<'cloudformation', 'CloudFormationCustomResourceEvent'>
    >()
    expectTypeOf<Stale<'cloudformation', 'CloudFormationCustomResourceEvent'>>().toEqualTypeOf<never>()
  })
  test('codecommit', () => {
    expectTypeOf<Ours<'codecommit', 'CodeCommitTriggerEvent'>>().toExtend<
      Relaxed<'codecommit', 'CodeCommitTriggerEvent'>
    >()
    expectTypeOf<Stale<'codecommit', 'CodeCommitTriggerEvent'>>().toEqualTypeOf<never>()
  })
  test('codepipeline', () => {
    expectTypeOf<Ours<'codepipeline', 'CodePipelineEvent'>>().toExtend<
      Relaxed<'codepipeline', 'CodePipelineEvent'>
    >()
    expectTypeOf<Stale<'codepipeline', 'CodePipelineEvent'>>().toEqualTypeOf<never>()
  })
  test('kafka', () => {
    expectTypeOf<Ours<'kafka', 'MSKEvent'>>().toExtend<Relaxed<'kafka', 'MSKEvent'>>()
    expectTypeOf<Stale<'kafka', 'MSKEvent'>>().toEqualTypeOf<never>()
    expectTypeOf<Ours<'kafka', 'SelfManagedKafkaEvent'>>().toExtend<
      Relaxed<'kafka', 'SelfManagedKafkaEvent'>
    >()
    expectTypeOf<Stale<'kafka', 'SelfManagedKafkaEvent'>>().toEqualTypeOf<never>()
  })
  test('appsync', () => {
    expectTypeOf<Ours<'appsync', 'AppSyncResolverEvent'>>().toExtend<
      Relaxed<'appsync', 'AppSyncResolverEvent'>
    >()
    expectTypeOf<Stale<'appsync', 'AppSyncResolverEvent'>>().toEqualTypeOf<never>()
  })
  test('appsync-authorizer', () => {
    expectTypeOf<Ours<'appsync-authorizer', 'AppSyncAuthorizerEvent'>>().toExtend<
      Relaxed<'appsync-authorizer', 'AppSyncAuthorizerEvent'>
    >()
    expectTypeOf<Stale<'appsync-authorizer', 'AppSyncAuthorizerEvent'>>().toEqualTypeOf<never>()
  })
  test('lex', () => {
    expectTypeOf<Ours<'lex', 'LexEvent'>>().toExtend<Relaxed<'lex', 'LexEvent'>>()
    expectTypeOf<Stale<'lex', 'LexEvent'>>().toEqualTypeOf<never>()
    expectTypeOf<Ours<'lex', 'LexV2Event'>>().toExtend<Relaxed<'lex', 'LexV2Event'>>()
    expectTypeOf<Stale<'lex', 'LexV2Event'>>().toEqualTypeOf<never>()
  })
  test('secrets-manager-rotation', () => {
    expectTypeOf<Ours<'secrets-manager-rotation', 'SecretsManagerRotationEvent'>>().toExtend<
      Relaxed<'secrets-manager-rotation', 'SecretsManagerRotationEvent'>
    >()
    expectTypeOf<Stale<'secrets-manager-rotation', 'SecretsManagerRotationEvent'>>().toEqualTypeOf<never>()
  })
})

describe('the check itself', () => {
  test('fails on a divergence that is not listed', () => {
    expectTypeOf<Ours<'sqs', 'SQSEvent'>>().not.toExtend<aws.SQSEvent>()
    expectTypeOf<Ours<'sns', 'SNSEvent'>>().not.toExtend<Loosen<aws.SNSEvent, D['sqs']['SQSEvent']>>()
  })

  test('compares one Cognito trigger at a time', () => {
    expectTypeOf<Ours<'cognito', 'PreSignUpTriggerEvent'>['triggerSource']>().toEqualTypeOf<
      'PreSignUp_SignUp' | 'PreSignUp_AdminCreateUser' | 'PreSignUp_ExternalProvider'
    >()
  })

  test('names a listed field that is no divergence', () => {
    type Padded = D['sqs']['SQSEvent'] & { 'Records.body': readonly ['absent', 'not a divergence'] }
    expectTypeOf<Unneeded<Ours<'sqs', 'SQSEvent'>, aws.SQSEvent, Padded>>().toEqualTypeOf<'Records.body'>()
  })
})
