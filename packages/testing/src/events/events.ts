import { alexaFromPartial, appsyncFromPartial, iotButtonFromPartial } from './app-events.ts'
import {
  apigwAuthorizerRequestFromPartial,
  apigwAuthorizerTokenFromPartial,
  appsyncAuthorizerFromPartial,
} from './authorizer-events.ts'
import { kafkaFromPartial, mqFromPartial } from './broker-events.ts'
import {
  eventBridgeFromPartial,
  s3EventBridgeFromPartial,
  scheduledFromPartial,
} from './eventbridge-events.ts'
import {
  albFromPartial,
  apigwHttpFromPartial,
  apigwRestFromPartial,
  apigwWebsocketFromPartial,
  functionUrlFromPartial,
} from './http-events.ts'
import { cloudfrontFromPartial, vpcLatticeFromPartial } from './lattice-cloudfront-events.ts'
import { lexFromPartial } from './lex-events.ts'
import {
  cloudformationFromPartial,
  codecommitFromPartial,
  codepipelineFromPartial,
  configFromPartial,
  secretsManagerRotationFromPartial,
} from './ops-events.ts'
import {
  dynamoDbStreamFromPartial,
  kinesisFromPartial,
  s3FromPartial,
  snsFromPartial,
  sqsFromPartial,
} from './record-sources.ts'
import { s3BatchFromPartial, s3ObjectLambdaFromPartial } from './s3-more-events.ts'
import { cognitoFromPartial, sesFromPartial } from './ses-cognito-events.ts'
import { cloudwatchLogsFromPartial, firehoseFromPartial } from './stream-more-events.ts'

/**
 * A realistic event for every `@sluice/events` source id, valid by construction: defaults filled in (ids, ARNs,
 * timestamps from the clock, MD5s and base64 where AWS computes them), your overrides deep-merged on top. Record
 * sources take `records`: a count or one partial per record; payload fields (`body`, `Message`, `data`, `value`,
 * `message`, HTTP `body`) also take JSON values.
 *
 * @example
 * events.sqs({ records: [{ body: { orderId: 'o-1' } }] }) // SQSEvent
 * events['apigw-http']({ rawPath: '/orders', body: { sku: 'A1' } }) // APIGatewayProxyEventV2
 * events.cognito({ triggerSource: 'PostConfirmation_ConfirmSignUp', response: {} })
 */
export const events = {
  sqs: sqsFromPartial,
  sns: snsFromPartial,
  s3: s3FromPartial,
  's3-eventbridge': s3EventBridgeFromPartial,
  's3-batch': s3BatchFromPartial,
  's3-object-lambda': s3ObjectLambdaFromPartial,
  eventbridge: eventBridgeFromPartial,
  scheduled: scheduledFromPartial,
  'apigw-rest': apigwRestFromPartial,
  'apigw-http': apigwHttpFromPartial,
  'apigw-websocket': apigwWebsocketFromPartial,
  'apigw-authorizer-token': apigwAuthorizerTokenFromPartial,
  'apigw-authorizer-request': apigwAuthorizerRequestFromPartial,
  alb: albFromPartial,
  'function-url': functionUrlFromPartial,
  cloudfront: cloudfrontFromPartial,
  'dynamodb-stream': dynamoDbStreamFromPartial,
  'kinesis-stream': kinesisFromPartial,
  'kinesis-firehose': firehoseFromPartial,
  'cloudwatch-logs': cloudwatchLogsFromPartial,
  ses: sesFromPartial,
  cognito: cognitoFromPartial,
  cloudformation: cloudformationFromPartial,
  config: configFromPartial,
  codecommit: codecommitFromPartial,
  codepipeline: codepipelineFromPartial,
  kafka: kafkaFromPartial,
  mq: mqFromPartial,
  appsync: appsyncFromPartial,
  'appsync-authorizer': appsyncAuthorizerFromPartial,
  lex: lexFromPartial,
  alexa: alexaFromPartial,
  'iot-button': iotButtonFromPartial,
  'secrets-manager-rotation': secretsManagerRotationFromPartial,
  'vpc-lattice': vpcLatticeFromPartial,
} as const

/**
 * A key of {@link events}: the same ids as `@sluice/events`' `SourceId`.
 *
 * @example
 * const id: EventSourceId = 'kinesis-firehose'
 */
export type EventSourceId = keyof typeof events

/**
 * The event type each builder of {@link events} returns.
 *
 * @example
 * type Firehose = EventBySourceId['kinesis-firehose'] // FirehoseTransformationEvent
 */
export type EventBySourceId = { [K in EventSourceId]: ReturnType<(typeof events)[K]> }

/**
 * The overrides each builder of {@link events} takes.
 *
 * @example
 * const overrides: OverridesBySourceId['sqs'] = { records: 3 }
 */
export type OverridesBySourceId = { [K in EventSourceId]: NonNullable<Parameters<(typeof events)[K]>[0]> }
