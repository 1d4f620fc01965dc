import { cloudwatchLogs } from './cloudwatch-logs.ts'
import { dynamodbStream } from './dynamodb.ts'
import { eventbridge } from './eventbridge.ts'
import { alb, apigwHttp, apigwRest, apigwWebsocket, functionUrl } from './http.ts'
import { kafka } from './kafka.ts'
import { firehose, kinesis } from './kinesis.ts'
import { sns } from './sns.ts'
import { snsSqs, sqs, sqsText } from './sqs.ts'

/**
 * Every envelope, by the payload it extracts. Each takes your zod schema and returns an `Envelope` whose output
 * type follows the schema.
 *
 * @example
 * lambda<SQSEvent>().use(parse(envelopes.sqs(orderSchema))).handler(async (orders) => orders.length)
 */
export const envelopes = {
  sqs,
  sqsText,
  sns,
  snsSqs,
  eventbridge,
  kinesis,
  firehose,
  dynamodbStream,
  apigwRest,
  apigwHttp,
  apigwWebsocket,
  alb,
  functionUrl,
  cloudwatchLogs,
  kafka,
} as const
