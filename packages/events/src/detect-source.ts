import type { SourceId } from './sources.ts'

type Obj = Record<string, unknown>

const isObj = (value: unknown): value is Obj =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const RECORD_SOURCES: Readonly<Record<string, SourceId>> = {
  'aws:sqs': 'sqs',
  'aws:s3': 's3',
  'aws:dynamodb': 'dynamodb-stream',
  'aws:kinesis': 'kinesis-stream',
  'aws:ses': 'ses',
  'aws:codecommit': 'codecommit',
}

/**
 * The most specific source id an event's shape says it came from, or `undefined` when it matches none. Reads a few
 * properties (record 0 for batches); it does not validate: parse with `schemas[id]` for that. Never throws.
 *
 * @example
 * detectSource(buildEvent('sqs')) // 'sqs'
 * detectSource({ 'detail-type': 'Scheduled Event', source: 'aws.events', detail: {} }) // 'scheduled'
 * detectSource({ hello: 'world' }) // undefined
 */
export function detectSource(event: unknown): SourceId | undefined {
  if (!isObj(event)) return undefined
  try {
    return detectObject(event)
  } catch {
    // a getter or proxy that throws is not an event we know
    return undefined
  }
}

function detectObject(event: Obj): SourceId | undefined {
  const records = event.Records
  if (Array.isArray(records)) return detectRecords(records)
  if (typeof event['detail-type'] === 'string' && 'detail' in event) return detectEventBridge(event)
  const requestContext = event.requestContext
  if (isObj(requestContext)) return detectHttp(event, requestContext)
  if (typeof event.triggerSource === 'string' && typeof event.userPoolId === 'string') return 'cognito'
  if (isObj(event.awslogs)) return 'cloudwatch-logs'
  const eventSource = event.eventSource
  if (eventSource === 'aws:kafka' || eventSource === 'SelfManagedKafka') return 'kafka'
  // ActiveMQ: 'aws:mq' as documented, 'aws:amq' in AWS's .NET sample; RabbitMQ: 'aws:rmq'
  if (eventSource === 'aws:mq' || eventSource === 'aws:amq' || eventSource === 'aws:rmq') return 'mq'
  if (event.type === 'TOKEN' && typeof event.methodArn === 'string') return 'apigw-authorizer-token'
  if (typeof event.RequestType === 'string' && typeof event.ResponseURL === 'string') return 'cloudformation'
  if (isObj(event['CodePipeline.job'])) return 'codepipeline'
  if (typeof event.invokingEvent === 'string' && typeof event.configRuleName === 'string') return 'config'
  if (typeof event.deliveryStreamArn === 'string' && Array.isArray(event.records)) return 'kinesis-firehose'
  if (typeof event.invocationSchemaVersion === 'string' && Array.isArray(event.tasks)) return 's3-batch'
  if (typeof event.xAmzRequestId === 'string' && isObj(event.configuration)) return 's3-object-lambda'
  if (typeof event.SecretId === 'string' && typeof event.Step === 'string') return 'secrets-manager-rotation'
  if (typeof event.raw_path === 'string' && 'is_base64_encoded' in event) return 'vpc-lattice'
  return detectOther(event)
}

function detectRecords(records: unknown[]): SourceId | undefined {
  const first = records[0]
  if (!isObj(first)) return undefined
  // SQS and most record sources spell it eventSource; SNS capitalises it
  if (first.EventSource === 'aws:sns') return 'sns'
  const source = typeof first.eventSource === 'string' ? first.eventSource : undefined
  if (source !== undefined && Object.hasOwn(RECORD_SOURCES, source)) return RECORD_SOURCES[source]
  if (isObj(first.cf)) return 'cloudfront'
  return undefined
}

function detectEventBridge(event: Obj): SourceId {
  const source = event.source
  if (event['detail-type'] === 'Scheduled Event' && (source === 'aws.events' || source === 'aws.scheduler')) {
    return 'scheduled'
  }
  return source === 'aws.s3' ? 's3-eventbridge' : 'eventbridge'
}

function detectHttp(event: Obj, context: Obj): SourceId | undefined {
  if (isObj(context.elb)) return 'alb'
  // between two HTTP shapes, the source whose handler can use the event (README, "Detection"): an authorizer
  // request first (its handler must answer with a policy, even on a WebSocket $connect), then WebSocket
  // (eventType is WebSocket-only) before REST
  if (event.type === 'REQUEST') return 'apigw-authorizer-request'
  if (typeof context.connectionId === 'string' && typeof context.eventType === 'string')
    return 'apigw-websocket'
  if (isObj(context.http)) {
    const domain = context.domainName
    return typeof domain === 'string' && domain.includes('.lambda-url.') ? 'function-url' : 'apigw-http'
  }
  if (typeof context.serviceNetworkArn === 'string') return 'vpc-lattice'
  if (typeof event.httpMethod === 'string' && typeof event.resource === 'string') return 'apigw-rest'
  if (typeof event.authorizationToken === 'string' && typeof context.queryString === 'string') {
    return 'appsync-authorizer'
  }
  return undefined
}

function detectOther(event: Obj): SourceId | undefined {
  const info = event.info
  if (isObj(info) && isObj(event.arguments) && 'stash' in event) return 'appsync'
  if (isObj(info) && isObj(info.channel) && isObj(info.channelNamespace)) return 'appsync-events'
  if (isObj(event.bot) && (isObj(event.currentIntent) || isObj(event.sessionState))) return 'lex'
  if (isObj(event.request) && isObj(event.context) && typeof event.version === 'string') return 'alexa'
  if (typeof event.serialNumber === 'string' && typeof event.clickType === 'string') return 'iot-button'
  return detectIntegration(event)
}

function detectIntegration(event: Obj): SourceId | undefined {
  const details = event.Details
  if (isObj(details) && isObj(details.ContactData)) return 'connect-contact-flow'
  if (typeof event.signatureVerified === 'boolean' && isObj(event.protocolData))
    return 'iot-custom-authorizer'
  if (typeof event.claimCertificateId === 'string' && typeof event.templateArn === 'string') {
    return 'iot-pre-provisioning-hook'
  }
  if (typeof event['connection-id'] === 'string' && typeof event['endpoint-id'] === 'string') {
    return 'client-vpn-connection-handler'
  }
  return undefined
}
