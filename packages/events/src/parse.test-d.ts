import { lambda } from '@sluice/core'
import type { SQSEvent } from 'aws-lambda'
import { describe, expectTypeOf, test } from 'vitest'
import { z } from 'zod'
import type { DynamoDbChange } from './envelopes/dynamodb.ts'
import { envelopes } from './envelopes/index.ts'
import type { ParseError } from './errors.ts'
import { parse } from './parse.ts'
import { parseEvent, type SafeParseResult } from './parse-event.ts'
import type { SqsEvent } from './schemas/sqs.ts'
import { schemas } from './sources.ts'

const orderSchema = z.object({ orderId: z.string(), total: z.number().transform((n) => BigInt(n)) })
type Order = z.output<typeof orderSchema>

describe('parse replaces the handler event type', () => {
  test('with an envelope: the payload array', () => {
    lambda<SQSEvent>()
      .use(parse(envelopes.sqs(orderSchema)))
      .handler((orders) => {
        expectTypeOf(orders).toEqualTypeOf<Order[]>()
        expectTypeOf(orders[0]!.total).toEqualTypeOf<bigint>()
      })
  })

  test('with a source schema: the inferred event type', () => {
    lambda()
      .use(parse(schemas.sqs))
      .handler((event) => expectTypeOf(event).toEqualTypeOf<SqsEvent>())
  })

  test('with a single-payload envelope and a user schema', () => {
    lambda()
      .use(parse(envelopes.eventbridge(orderSchema)))
      .handler((order) => expectTypeOf(order).toEqualTypeOf<Order>())
    lambda()
      .use(parse(orderSchema))
      .handler((order) => expectTypeOf(order).toEqualTypeOf<Order>())
    lambda()
      .use(parse(envelopes.dynamodbStream(orderSchema)))
      .handler((changes) => expectTypeOf(changes).toEqualTypeOf<Array<DynamoDbChange<Order>>>())
  })

  test('safe mode: a result union', () => {
    lambda<SQSEvent>()
      .use(parse(envelopes.sqs(orderSchema), { safe: true }))
      .handler((result) => {
        expectTypeOf(result).toEqualTypeOf<SafeParseResult<Order[]>>()
        if (result.success) expectTypeOf(result.data).toEqualTypeOf<Order[]>()
        else expectTypeOf(result.error).toEqualTypeOf<ParseError>()
      })
  })

  test('parseEvent infers the same types', () => {
    expectTypeOf(parseEvent(envelopes.kinesis(orderSchema), {})).toEqualTypeOf<Order[]>()
    expectTypeOf(parseEvent(schemas['apigw-http'], {}).requestContext.http.method).toEqualTypeOf<string>()
  })

  test('a later middleware sees the parsed type, and the event never becomes `any`', () => {
    lambda<SQSEvent>()
      .use(parse(envelopes.sqs(orderSchema)))
      .handler((orders) => {
        expectTypeOf(orders).not.toBeAny()
        // @ts-expect-error the SQS event is gone: handlers get orders
        orders.Records
      })
  })
})
