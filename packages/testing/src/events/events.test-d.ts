import type {
  ALBEvent,
  APIGatewayProxyEvent,
  APIGatewayProxyEventV2,
  CloudWatchLogsEvent,
  DynamoDBStreamEvent,
  EventBridgeEvent,
  FirehoseTransformationEvent,
  KinesisStreamEvent,
  MSKEvent,
  S3Event,
  ScheduledEvent,
  SNSEvent,
  SQSEvent,
} from 'aws-lambda'
import { describe, expectTypeOf, test } from 'vitest'
import { apiGatewayHttpEvent } from './api-gateway-http.ts'
import { type BuiltEvent, buildEvent } from './build-event.ts'
import { dynamoDbStreamEvent } from './dynamodb-stream.ts'
import { eventBridgeEvent } from './eventbridge.ts'
import { events } from './events.ts'
import { kinesisEvent } from './kinesis.ts'
import { s3Event } from './s3.ts'
import { scheduledEvent } from './scheduled.ts'
import { snsEvent } from './sns.ts'
import { sqsEvent } from './sqs.ts'

describe('event builder types', () => {
  test('each builder returns the @types/aws-lambda event type', () => {
    expectTypeOf(sqsEvent()).toEqualTypeOf<SQSEvent>()
    expectTypeOf(apiGatewayHttpEvent()).toEqualTypeOf<APIGatewayProxyEventV2>()
    expectTypeOf(s3Event()).toEqualTypeOf<S3Event>()
    expectTypeOf(kinesisEvent()).toEqualTypeOf<KinesisStreamEvent>()
    expectTypeOf(dynamoDbStreamEvent()).toEqualTypeOf<DynamoDBStreamEvent>()
    expectTypeOf(snsEvent()).toEqualTypeOf<SNSEvent>()
    expectTypeOf(scheduledEvent()).toExtend<ScheduledEvent>()
  })

  test('eventBridgeEvent types detail-type and detail from its arguments', () => {
    const event = eventBridgeEvent({ detailType: 'OrderPlaced', detail: { id: 'o-1' } })
    expectTypeOf(event).toEqualTypeOf<EventBridgeEvent<'OrderPlaced', { id: string }>>()
  })

  test('buildEvent gives the exact type for a literal spec, the union otherwise', () => {
    expectTypeOf(buildEvent('sqs?records=10')).toEqualTypeOf<SQSEvent>()
    expectTypeOf(buildEvent('apigw-http?method=POST&path=/x')).toEqualTypeOf<APIGatewayProxyEventV2>()
    expectTypeOf(buildEvent('scheduled')).toExtend<ScheduledEvent>()
    const spec: string = 'kinesis'
    expectTypeOf(buildEvent(spec)).toEqualTypeOf<BuiltEvent>()
  })

  test('events.<source> returns the @types/aws-lambda type where there is one', () => {
    expectTypeOf(events.sqs({ records: [{ body: { a: 1 } }] })).toEqualTypeOf<SQSEvent>()
    expectTypeOf(events['apigw-rest']()).toEqualTypeOf<APIGatewayProxyEvent>()
    expectTypeOf(events['apigw-http']({ body: [1] })).toEqualTypeOf<APIGatewayProxyEventV2>()
    expectTypeOf(events.alb()).toEqualTypeOf<ALBEvent>()
    expectTypeOf(events['kinesis-firehose']()).toEqualTypeOf<FirehoseTransformationEvent>()
    expectTypeOf(events['cloudwatch-logs']()).toEqualTypeOf<CloudWatchLogsEvent>()
    expectTypeOf(events.kafka()).toEqualTypeOf<MSKEvent>()
    expectTypeOf(buildEvent('kinesis-firehose')).toEqualTypeOf<FirehoseTransformationEvent>()
    // @ts-expect-error overrides are typed: SQS bodies are partial records, not numbers of records per body
    events.sqs({ records: [{ md5OfBody: 'x' }] })
  })
})
