import type { z } from 'zod'
import { albSchema } from './schemas/alb.ts'
import { alexaSchema } from './schemas/alexa.ts'
import { apigwAuthorizerRequestSchema, apigwAuthorizerTokenSchema } from './schemas/apigw-authorizer.ts'
import { apigwHttpSchema, functionUrlSchema } from './schemas/apigw-http.ts'
import { apigwRestSchema } from './schemas/apigw-rest.ts'
import { apigwWebsocketSchema } from './schemas/apigw-websocket.ts'
import { appsyncAuthorizerSchema, appsyncSchema } from './schemas/appsync.ts'
import { appsyncEventsSchema } from './schemas/appsync-events.ts'
import { clientVpnConnectionHandlerSchema } from './schemas/client-vpn-connection-handler.ts'
import { cloudformationSchema } from './schemas/cloudformation.ts'
import { cloudfrontSchema } from './schemas/cloudfront.ts'
import { cloudwatchLogsSchema } from './schemas/cloudwatch-logs.ts'
import { codecommitSchema } from './schemas/codecommit.ts'
import { codepipelineSchema } from './schemas/codepipeline.ts'
import { cognitoSchema } from './schemas/cognito.ts'
import { configSchema } from './schemas/config.ts'
import { connectContactFlowSchema } from './schemas/connect-contact-flow.ts'
import { dynamoDbStreamSchema } from './schemas/dynamodb-stream.ts'
import { eventBridgeSchema, s3EventBridgeSchema, scheduledSchema } from './schemas/eventbridge.ts'
import { iotButtonSchema } from './schemas/iot-button.ts'
import { iotCustomAuthorizerSchema } from './schemas/iot-custom-authorizer.ts'
import { iotPreProvisioningHookSchema } from './schemas/iot-pre-provisioning-hook.ts'
import { kafkaSchema } from './schemas/kafka.ts'
import { kinesisFirehoseSchema, kinesisStreamSchema } from './schemas/kinesis.ts'
import { lexSchema } from './schemas/lex.ts'
import { mqSchema } from './schemas/mq.ts'
import { s3BatchSchema, s3Schema } from './schemas/s3.ts'
import { s3ObjectLambdaSchema } from './schemas/s3-object-lambda.ts'
import { secretsManagerRotationSchema } from './schemas/secrets-manager.ts'
import { sesSchema } from './schemas/ses.ts'
import { snsSchema } from './schemas/sns.ts'
import { sqsSchema } from './schemas/sqs.ts'
import { vpcLatticeSchema } from './schemas/vpc-lattice.ts'

/**
 * The schema of every event source, by its stable id. Each is a zod v4 schema without transforms: what it
 * accepts is what it returns.
 *
 * @example
 * const event = schemas.sqs.parse(input) // SqsEvent
 * for (const id of sourceIds) schemas[id].safeParse(input).success
 */
export const schemas = {
  sqs: sqsSchema,
  sns: snsSchema,
  s3: s3Schema,
  's3-eventbridge': s3EventBridgeSchema,
  's3-batch': s3BatchSchema,
  's3-object-lambda': s3ObjectLambdaSchema,
  eventbridge: eventBridgeSchema,
  scheduled: scheduledSchema,
  'apigw-rest': apigwRestSchema,
  'apigw-http': apigwHttpSchema,
  'apigw-websocket': apigwWebsocketSchema,
  'apigw-authorizer-token': apigwAuthorizerTokenSchema,
  'apigw-authorizer-request': apigwAuthorizerRequestSchema,
  alb: albSchema,
  'function-url': functionUrlSchema,
  cloudfront: cloudfrontSchema,
  'dynamodb-stream': dynamoDbStreamSchema,
  'kinesis-stream': kinesisStreamSchema,
  'kinesis-firehose': kinesisFirehoseSchema,
  'cloudwatch-logs': cloudwatchLogsSchema,
  ses: sesSchema,
  cognito: cognitoSchema,
  cloudformation: cloudformationSchema,
  config: configSchema,
  codecommit: codecommitSchema,
  codepipeline: codepipelineSchema,
  kafka: kafkaSchema,
  mq: mqSchema,
  appsync: appsyncSchema,
  'appsync-authorizer': appsyncAuthorizerSchema,
  'appsync-events': appsyncEventsSchema,
  lex: lexSchema,
  alexa: alexaSchema,
  'iot-button': iotButtonSchema,
  'iot-custom-authorizer': iotCustomAuthorizerSchema,
  'iot-pre-provisioning-hook': iotPreProvisioningHookSchema,
  'secrets-manager-rotation': secretsManagerRotationSchema,
  'vpc-lattice': vpcLatticeSchema,
  'connect-contact-flow': connectContactFlowSchema,
  'client-vpn-connection-handler': clientVpnConnectionHandlerSchema,
} as const satisfies Record<string, z.ZodType>

/**
 * A stable event source id: `'sqs'`, `'apigw-http'`, `'dynamodb-stream'`, …
 *
 * @example
 * const id: SourceId = 'kinesis-firehose'
 */
export type SourceId = keyof typeof schemas

/**
 * The parsed event type of each source id.
 *
 * @example
 * type Orders = EventBySource['sqs'] // SqsEvent
 */
export type EventBySource = { [K in SourceId]: z.output<(typeof schemas)[K]> }

/**
 * Every source id, in the order of the README's table.
 *
 * @example
 * for (const id of sourceIds) console.log(id, schemas[id])
 */
export const sourceIds = Object.keys(schemas) as SourceId[]

/**
 * Narrows a string to a {@link SourceId}.
 *
 * @example
 * isSourceId('sqs') // true
 * isSourceId('toString') // false
 */
export const isSourceId = (value: string): value is SourceId => Object.hasOwn(schemas, value)
