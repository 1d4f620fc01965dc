import { albFromPartial } from './alb.ts'
import { alexaFromPartial } from './alexa.ts'
import { apigwAuthorizerRequestFromPartial, apigwAuthorizerTokenFromPartial } from './apigw-authorizer.ts'
import { apigwHttpFromPartial, functionUrlFromPartial } from './apigw-http.ts'
import { apigwRestFromPartial } from './apigw-rest.ts'
import { apigwWebsocketFromPartial } from './apigw-websocket.ts'
import { appsyncAuthorizerFromPartial, appsyncFromPartial } from './appsync.ts'
import { appsyncEventsFromPartial } from './appsync-events.ts'
import { clientVpnConnectionHandlerFromPartial } from './client-vpn-connection-handler.ts'
import { cloudformationFromPartial } from './cloudformation.ts'
import { cloudfrontFromPartial } from './cloudfront.ts'
import { cloudwatchLogsFromPartial } from './cloudwatch-logs.ts'
import { codecommitFromPartial } from './codecommit.ts'
import { codepipelineFromPartial } from './codepipeline.ts'
import { cognitoFromPartial } from './cognito.ts'
import { configFromPartial } from './config.ts'
import { connectContactFlowFromPartial } from './connect-contact-flow.ts'
import { dynamoDbStreamFromPartial } from './dynamodb-stream.ts'
import { eventBridgeFromPartial, s3EventBridgeFromPartial, scheduledFromPartial } from './eventbridge.ts'
import { iotButtonFromPartial } from './iot-button.ts'
import { iotCustomAuthorizerFromPartial } from './iot-custom-authorizer.ts'
import { iotPreProvisioningHookFromPartial } from './iot-pre-provisioning-hook.ts'
import { kafkaFromPartial } from './kafka.ts'
import { firehoseFromPartial, kinesisFromPartial } from './kinesis.ts'
import { lexFromPartial } from './lex.ts'
import { mqFromPartial } from './mq.ts'
import { s3BatchFromPartial, s3FromPartial } from './s3.ts'
import { s3ObjectLambdaFromPartial } from './s3-object-lambda.ts'
import { secretsManagerRotationFromPartial } from './secrets-manager.ts'
import { sesFromPartial } from './ses.ts'
import { snsFromPartial } from './sns.ts'
import { sqsFromPartial } from './sqs.ts'
import { vpcLatticeFromPartial } from './vpc-lattice.ts'

/**
 * The one builder per `@sluice/events` source id: a realistic event, valid by construction: defaults filled in (ids,
 * ARNs, timestamps from the clock, MD5s and base64 where AWS computes them), your overrides deep-merged on top. Each
 * builder lives in the file named like the source's schema in `@sluice/events` (`sqs.ts`, `apigw-http.ts`, …).
 * Record sources take `records`: a count or one partial per record, and record-wide options (`body`, `fifo`,
 * `bucket`, `data`, …); payload fields (`body`, `Message`, `data`, `value`, `message`, HTTP `body`) take JSON values.
 *
 * @example
 * events.sqs({ records: 3, fifo: true }) // SQSEvent
 * events.sqs({ records: [{ body: { orderId: 'o-1' } }] })
 * events['apigw-http']({ method: 'POST', path: '/orders', body: { sku: 'A1' } }) // APIGatewayProxyEventV2
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
  'appsync-events': appsyncEventsFromPartial,
  lex: lexFromPartial,
  alexa: alexaFromPartial,
  'iot-button': iotButtonFromPartial,
  'iot-custom-authorizer': iotCustomAuthorizerFromPartial,
  'iot-pre-provisioning-hook': iotPreProvisioningHookFromPartial,
  'secrets-manager-rotation': secretsManagerRotationFromPartial,
  'vpc-lattice': vpcLatticeFromPartial,
  'connect-contact-flow': connectContactFlowFromPartial,
  'client-vpn-connection-handler': clientVpnConnectionHandlerFromPartial,
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
