import { type AcceptsEvent, type EventAfter, lambda, type Middleware } from '@sluice/core'
import { events, invoke } from '@sluice/testing'
import type { APIGatewayProxyEvent, DynamoDBStreamEvent, MSKEvent, SQSEvent } from 'aws-lambda'
import { describe, expectTypeOf, test } from 'vitest'
import type { Aws, Pairs } from '../test-support/aws-lambda-pairs.ts'
import { parse } from './parse.ts'
import { parseEvent } from './parse-event.ts'
import type { ApigwRestEvent, DynamoDbStreamEvent, KafkaEvent, SqsEvent } from './schemas/index.ts'
import { type EventBySource, type SourceId, schemas } from './sources.ts'

type SpecOf<M> = M extends Middleware<infer $Spec> ? $Spec : never
/** What `parse(schemas[S])` declares, read off its real signature. */
type ParseSpec<S extends SourceId> = SpecOf<ReturnType<typeof parse<(typeof schemas)[S]>>>
/** What the handler of `lambda<AwsType>().use(parse(schemas[S]))` sees, or why `.use()` would refuse it. */
type AfterParse<S extends keyof Pairs & SourceId, N extends keyof Pairs[S]> =
  unknown extends AcceptsEvent<Aws<S, N>, ParseSpec<S>>
    ? EventAfter<Aws<S, N>, ParseSpec<S>>
    : AcceptsEvent<Aws<S, N>, ParseSpec<S>>

declare const sqs: SQSEvent
declare const rest: APIGatewayProxyEvent
declare const dynamodb: DynamoDBStreamEvent
declare const msk: MSKEvent

describe('an @types/aws-lambda event goes in wherever @sluice/events takes an event', () => {
  test('for every pair of source and AWS type, parse() fits a builder declared with the AWS type', () => {
    expectTypeOf<{ [S in keyof Pairs]: { [N in keyof Pairs[S]]: AfterParse<S, N> } }>().toEqualTypeOf<{
      [S in keyof Pairs]: { [N in keyof Pairs[S]]: EventBySource[S] }
    }>()
  })

  test('parseEvent and safe parse take any input, so any AWS event', () => {
    expectTypeOf(parseEvent).parameter(1).toEqualTypeOf<unknown>()
    expectTypeOf(parseEvent(schemas.sqs, sqs)).toEqualTypeOf<SqsEvent>()
    expectTypeOf(parseEvent(schemas['apigw-rest'], rest)).toEqualTypeOf<ApigwRestEvent>()
    expectTypeOf(parseEvent(schemas.kafka, msk)).toEqualTypeOf<KafkaEvent>()
  })

  test('concretely: the handler sees the parsed type', () => {
    lambda<DynamoDBStreamEvent>()
      .use(parse(schemas['dynamodb-stream']))
      .handler((event) => expectTypeOf(event).toEqualTypeOf<DynamoDbStreamEvent>())
    lambda<MSKEvent>()
      .use(parse(schemas.kafka))
      .handler((event) => expectTypeOf(event).toEqualTypeOf<KafkaEvent>())
  })
})

describe('invoke() passes AWS-typed events to handlers that name the raw event with the AWS type', () => {
  test('a declared input or none: invoke() takes an AWS event or a built one', () => {
    const typed = lambda<SQSEvent>()
      .use(parse(schemas.sqs))
      .handler((event) => event.Records.length)
    const untyped = lambda()
      .use(parse(schemas['dynamodb-stream']))
      .handler((event) => event.Records.length)
    expectTypeOf(invoke(typed, sqs)).toEqualTypeOf<Promise<number>>()
    expectTypeOf(invoke(typed, events.sqs({ records: 2 }))).toEqualTypeOf<Promise<number>>()
    expectTypeOf(invoke(untyped, dynamodb)).toEqualTypeOf<Promise<number>>()
    expectTypeOf(invoke(untyped, events['dynamodb-stream']())).toEqualTypeOf<Promise<number>>()
    // @ts-expect-error the handler declared an SQS event: an SNS one does not fit
    void invoke(typed, events.sns())
  })
})
