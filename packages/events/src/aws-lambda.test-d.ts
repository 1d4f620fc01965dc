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
  EventBridgeEvent as AwsEventBridgeEvent,
  KinesisStreamEvent as AwsKinesisStreamEvent,
  S3BatchEvent as AwsS3BatchEvent,
  S3Event as AwsS3Event,
  ScheduledEvent as AwsScheduledEvent,
  SecretsManagerRotationEvent as AwsSecretsManagerRotationEvent,
  CloudFormationCustomResourceEvent,
  CloudFrontRequestEvent,
  CloudWatchLogsDecodedData,
  CloudWatchLogsEvent,
  CodeCommitTriggerEvent,
  CodePipelineEvent,
  DefineAuthChallengeTriggerEvent,
  DynamoDBStreamEvent,
  FirehoseTransformationEvent,
  LambdaFunctionURLEvent,
  LexV2Event,
  MSKEvent,
  PostConfirmationTriggerEvent,
  PreSignUpTriggerEvent,
  SESEvent,
  SelfManagedKafkaEvent,
  SNSEvent,
  SQSEvent,
} from 'aws-lambda'
import { describe, expectTypeOf, test } from 'vitest'
import type * as ours from './schemas/index.ts'

/** `T` with the keys `K` made optional and nullable: how the exceptions below are written. */
type Relax<T, K extends keyof T> = Omit<T, K> & { [P in K]?: T[P] | null }

describe('parsed event types are assignable to @types/aws-lambda', () => {
  test('exactly, where the aws-lambda type matches what AWS sends', () => {
    expectTypeOf<ours.AlbEvent>().toExtend<ALBEvent>()
    expectTypeOf<ours.ApigwHttpEvent>().toExtend<APIGatewayProxyEventV2>()
    expectTypeOf<ours.ApigwAuthorizerTokenEvent>().toExtend<APIGatewayTokenAuthorizerEvent>()
    expectTypeOf<ours.EventBridgeEvent>().toExtend<AwsEventBridgeEvent<string, unknown>>()
    expectTypeOf<ours.S3EventBridgeEvent>().toExtend<AwsEventBridgeEvent<string, unknown>>()
    expectTypeOf<ours.ScheduledEvent>().toExtend<AwsScheduledEvent>()
    expectTypeOf<ours.DynamoDbStreamEvent>().toExtend<DynamoDBStreamEvent>()
    expectTypeOf<ours.KinesisStreamEvent>().toExtend<AwsKinesisStreamEvent>()
    expectTypeOf<ours.CloudwatchLogsEvent>().toExtend<CloudWatchLogsEvent>()
    expectTypeOf<ours.CloudwatchLogsDecoded>().toExtend<CloudWatchLogsDecodedData>()
    expectTypeOf<ours.CloudfrontEvent>().toExtend<CloudFrontRequestEvent>()
    expectTypeOf<ours.SesEvent>().toExtend<SESEvent>()
    expectTypeOf<ours.CodecommitEvent>().toExtend<CodeCommitTriggerEvent>()
    expectTypeOf<ours.SecretsManagerRotationEvent>().toExtend<AwsSecretsManagerRotationEvent>()
    expectTypeOf<Extract<ours.S3BatchEvent, { invocationSchemaVersion: '1.0' }>>().toExtend<AwsS3BatchEvent>()
    expectTypeOf<
      ours.CognitoTrigger<'PostConfirmation_ConfirmSignUp'>
    >().toExtend<PostConfirmationTriggerEvent>()
  })

  test('SQS: AWS sends md5OfMessageAttributes and attribute values as null (aws-lambda says string)', () => {
    type Attribute = Relax<
      SQSEvent['Records'][number]['messageAttributes'][string],
      'stringValue' | 'binaryValue'
    >
    type Record = Omit<Relax<SQSEvent['Records'][number], 'md5OfMessageAttributes'>, 'messageAttributes'> & {
      messageAttributes: { [name: string]: Attribute }
    }
    expectTypeOf<ours.SqsEvent>().toExtend<{ Records: Record[] }>()
    expectTypeOf<ours.SqsEvent>().not.toExtend<SQSEvent>()
  })

  test('SNS: Subject is null when the publisher set none (aws-lambda says string)', () => {
    type Record = Omit<SNSEvent['Records'][number], 'Sns'> & {
      Sns: Relax<SNSEvent['Records'][number]['Sns'], 'Subject'>
    }
    expectTypeOf<ours.SnsEvent>().toExtend<{ Records: Record[] }>()
  })

  test('S3: ObjectRemoved and lifecycle records omit size, eTag and sequencer', () => {
    type Record = AwsS3Event['Records'][number]
    type Object = Relax<Record['s3']['object'], 'size' | 'eTag' | 'sequencer'>
    type Relaxed = Omit<Record, 's3'> & { s3: Omit<Record['s3'], 'object'> & { object: Object } }
    expectTypeOf<ours.S3Event>().toExtend<{ Records: Relaxed[] }>()
  })

  test('REST API: headers are null from the console test tab; isBase64Encoded, authorizer, identity keys may be absent', () => {
    type Context = APIGatewayProxyEvent['requestContext']
    type Identity = Partial<Context['identity']> & { sourceIp: string }
    type Relaxed = Omit<
      APIGatewayProxyEvent,
      'isBase64Encoded' | 'requestContext' | 'headers' | 'multiValueHeaders'
    > & {
      headers: APIGatewayProxyEvent['headers'] | null
      multiValueHeaders: APIGatewayProxyEvent['multiValueHeaders'] | null
      isBase64Encoded?: boolean
      requestContext: Omit<Context, 'authorizer' | 'identity'> & {
        authorizer?: Context['authorizer']
        identity: Identity
      }
    }
    expectTypeOf<ours.ApigwRestEvent>().toExtend<Relaxed>()
  })

  test('function URL: early samples have no routeKey or stage', () => {
    type Relaxed = Relax<Omit<LambdaFunctionURLEvent, 'requestContext'>, 'routeKey'> & {
      requestContext: Relax<LambdaFunctionURLEvent['requestContext'], 'routeKey' | 'stage'>
    }
    expectTypeOf<ours.FunctionUrlEvent>().toExtend<Relaxed>()
  })

  test('WebSocket: messageId exists on MESSAGE events only', () => {
    type Relaxed = Omit<APIGatewayProxyWebsocketEventV2, 'requestContext'> & {
      requestContext: Relax<APIGatewayProxyWebsocketEventV2['requestContext'], 'messageId'>
    }
    expectTypeOf<ours.ApigwWebsocketEvent>().toExtend<Relaxed>()
  })

  test('request authorizers: HTTP API payload 1.0 has no multi-value maps; 2.0 cookies are optional', () => {
    type V1 = Extract<ours.ApigwAuthorizerRequestEvent, { methodArn: string }>
    type V2 = Extract<ours.ApigwAuthorizerRequestEvent, { routeArn: string }>
    type MultiValue = 'multiValueHeaders' | 'multiValueQueryStringParameters'
    expectTypeOf<V1>().toExtend<Relax<Omit<APIGatewayRequestAuthorizerEvent, 'requestContext'>, MultiValue>>()
    expectTypeOf<V2>().toExtend<Relax<APIGatewayRequestAuthorizerEventV2, 'cookies' | 'identitySource'>>()
  })

  test('Firehose: subsequenceNumber is a number in AWS samples', () => {
    type Record = FirehoseTransformationEvent['records'][number]
    type Metadata = Omit<NonNullable<Record['kinesisRecordMetadata']>, 'subsequenceNumber'> & {
      subsequenceNumber: string | number
    }
    type Relaxed = Omit<FirehoseTransformationEvent, 'records'> & {
      records: Array<Omit<Record, 'kinesisRecordMetadata'> & { kinesisRecordMetadata?: Metadata }>
    }
    expectTypeOf<ours.KinesisFirehoseEvent>().toExtend<Relaxed>()
  })

  test('Cognito: validationData and response fields arrive null; challenge names include newer ones (EMAIL_OTP)', () => {
    type Define = ours.CognitoTrigger<'DefineAuthChallenge_Authentication'>
    type Session = Array<{ challengeName: string; challengeResult: boolean; challengeMetadata?: string }>
    type RelaxedDefine = Omit<DefineAuthChallengeTriggerEvent, 'response' | 'request'> & {
      request: Omit<DefineAuthChallengeTriggerEvent['request'], 'session'> & { session: Session }
      response: Relax<
        DefineAuthChallengeTriggerEvent['response'],
        'challengeName' | 'failAuthentication' | 'issueTokens'
      >
    }
    expectTypeOf<Define>().toExtend<RelaxedDefine>()
    type RelaxedSignUp = Omit<PreSignUpTriggerEvent, 'request'> & {
      request: Relax<PreSignUpTriggerEvent['request'], 'validationData'>
    }
    expectTypeOf<ours.CognitoTrigger<'PreSignUp_SignUp'>>().toExtend<RelaxedSignUp>()
    expectTypeOf<
      ours.CognitoTrigger<'PreSignUp_SignUp'>['triggerSource']
    >().toEqualTypeOf<'PreSignUp_SignUp'>()
  })

  test('CloudFormation: ServiceToken is absent from the oldest samples (also inside the properties)', () => {
    type Relaxed<T> = T extends unknown
      ? Omit<T, 'ServiceToken' | 'ResourceProperties' | 'OldResourceProperties'> & {
          ServiceToken?: string
          ResourceProperties: object
        }
      : never
    expectTypeOf<ours.CloudformationEvent>().toExtend<Relaxed<CloudFormationCustomResourceEvent>>()
  })

  test('CodePipeline: UserParameters is absent when the action sets none', () => {
    type Job = CodePipelineEvent['CodePipeline.job']
    type Configuration = Relax<Job['data']['actionConfiguration']['configuration'], 'UserParameters'>
    type Relaxed = {
      'CodePipeline.job': Omit<Job, 'data'> & {
        data: Omit<Job['data'], 'actionConfiguration'> & {
          actionConfiguration: { configuration: Configuration }
        }
      }
    }
    expectTypeOf<ours.CodepipelineEvent>().toExtend<Relaxed>()
  })

  test('Kafka: MSK or self-managed; key is absent for records without one', () => {
    type RelaxRecords<T extends { records: Record<string, Array<{ key: string }>> }> = Omit<T, 'records'> & {
      records: { [topic: string]: Array<Relax<T['records'][string][number], 'key'>> }
    }
    expectTypeOf<ours.KafkaEvent>().toExtend<RelaxRecords<MSKEvent> | RelaxRecords<SelfManagedKafkaEvent>>()
  })

  test('AppSync: prev.result is any value a pipeline function returned; identity nullable fields', () => {
    type Relaxed = Omit<AppSyncResolverEvent<Record<string, unknown>>, 'identity' | 'prev'> & {
      prev: { result: unknown } | null
    }
    expectTypeOf<ours.AppsyncEvent>().toExtend<Relaxed>()
    expectTypeOf<ours.AppsyncAuthorizerEvent>().toExtend<Relax<AppSyncAuthorizerEvent, 'requestHeaders'>>()
  })

  test('Lex V2: proposedNextState is absent on fulfillment hooks', () => {
    type V2 = Extract<ours.LexEvent, { sessionId: string }>
    expectTypeOf<V2>().toExtend<
      Omit<LexV2Event, 'proposedNextState' | 'interpretations' | 'sessionState' | 'transcriptions' | 'bot'>
    >()
  })
})
