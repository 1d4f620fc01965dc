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
import { type BuiltEvent, buildEvent } from './build-event.ts'
import { events } from './events.ts'

describe('event builder types', () => {
  test('each record builder returns the @types/aws-lambda event type', () => {
    expectTypeOf(events.sqs({ records: 3, body: (i) => ({ i }) })).toEqualTypeOf<SQSEvent>()
    expectTypeOf(
      events['apigw-http']({ method: 'POST', query: { a: '1' } }),
    ).toEqualTypeOf<APIGatewayProxyEventV2>()
    expectTypeOf(events.s3({ key: (i) => `k${i}` })).toEqualTypeOf<S3Event>()
    expectTypeOf(events['kinesis-stream']({ data: 'x' })).toEqualTypeOf<KinesisStreamEvent>()
    expectTypeOf(events['dynamodb-stream']({ newImage: { pk: 'u' } })).toEqualTypeOf<DynamoDBStreamEvent>()
    expectTypeOf(events.sns({ subject: 's' })).toEqualTypeOf<SNSEvent>()
    expectTypeOf(events.scheduled({ ruleName: 'nightly' })).toExtend<ScheduledEvent>()
    // @ts-expect-error record-wide options are typed: a record count is a number
    events.sqs({ records: '3' })
  })

  test('events.eventbridge types detail from its overrides', () => {
    const event = events.eventbridge({ 'detail-type': 'OrderPlaced', detail: { id: 'o-1' } })
    expectTypeOf(event).toEqualTypeOf<EventBridgeEvent<string, { id: string }>>()
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
