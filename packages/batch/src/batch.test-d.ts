import { lambda } from '@sluice/core'
import {
  type DynamoDbStreamEvent,
  envelopes,
  type KinesisStreamEvent as ParsedKinesisEvent,
  parse,
  type SqsEvent,
  type SqsRecord,
  schemas,
} from '@sluice/events'
import type {
  DynamoDBBatchResponse,
  DynamoDBRecord,
  DynamoDBStreamEvent,
  KinesisStreamEvent,
  KinesisStreamRecord,
  SQSBatchResponse,
  SQSEvent,
  SQSRecord,
} from 'aws-lambda'
import { describe, expectTypeOf, test } from 'vitest'
import { z } from 'zod'
import { batch } from './batch.ts'
import type { DynamoDbChange } from './payload.ts'
import { type BatchResponse, processBatch } from './process-batch.ts'
import type { RecordContext } from './record-context.ts'

declare const sqs: SQSEvent
declare const kinesis: KinesisStreamEvent
declare const dynamodb: DynamoDBStreamEvent
declare const parsedSqs: SqsEvent
declare const parsedKinesis: ParsedKinesisEvent
declare const parsedDynamodb: DynamoDbStreamEvent
const order = z.object({ orderId: z.string() })

describe('processBatch types', () => {
  test('the record type follows the event', () => {
    void processBatch(sqs, (record, ctx) => {
      expectTypeOf(record).toEqualTypeOf<SQSRecord>()
      expectTypeOf(ctx).toEqualTypeOf<RecordContext<SQSRecord, unknown>>()
      expectTypeOf(ctx.attempt).toEqualTypeOf<number | undefined>()
    })
    void processBatch(kinesis, (record) => expectTypeOf(record).toEqualTypeOf<KinesisStreamRecord>())
    void processBatch(dynamodb, (record) => expectTypeOf(record).toEqualTypeOf<DynamoDBRecord>())
  })

  test('with a schema the handler gets its output; DynamoDB gets a change of it', () => {
    void processBatch(sqs, (payload) => expectTypeOf(payload).toEqualTypeOf<{ orderId: string }>(), {
      schema: order,
    })
    void processBatch(
      dynamodb,
      (change) => expectTypeOf(change).toEqualTypeOf<DynamoDbChange<{ orderId: string }>>(),
      { schema: order },
    )
  })

  test('with an envelope the handler gets what the envelope gives for one record', () => {
    void processBatch(sqs, (line) => expectTypeOf(line).toEqualTypeOf<string>(), {
      schema: envelopes.sqsText(z.string()),
    })
    void processBatch(
      dynamodb,
      (change) => expectTypeOf(change.newImage).toEqualTypeOf<{ orderId: string } | undefined>(),
      { schema: envelopes.dynamodbStream(order) },
    )
  })

  test('ctx.log has the log factory’s type when its record parameter is annotated, else unknown', () => {
    void processBatch(sqs, (_record, { log }) => expectTypeOf(log).toEqualTypeOf<{ id: string }>(), {
      log: (record: SQSRecord) => ({ id: record.messageId }),
    })
    void processBatch(sqs, (_record, { log }) => expectTypeOf(log).toEqualTypeOf<unknown>(), {
      log: (record) => ({ id: record.messageId }),
    })
  })

  test('the response fits every batch response type of @types/aws-lambda', () => {
    expectTypeOf<BatchResponse>().toExtend<SQSBatchResponse>()
    expectTypeOf<BatchResponse>().toExtend<DynamoDBBatchResponse>()
    expectTypeOf(processBatch(sqs, () => undefined)).toEqualTypeOf<Promise<BatchResponse>>()
  })

  test('an event that is not a batch does not compile', () => {
    // @ts-expect-error no Records
    void processBatch({ detail: {} }, () => undefined)
  })
})

describe('batch middleware types', () => {
  test('adds context.batch, and the handler returning it types the Lambda response', () => {
    const handler = lambda<SQSEvent>()
      .use(batch((record) => expectTypeOf(record).toEqualTypeOf<SQSRecord>()))
      .handler((_event, context) => {
        expectTypeOf(context.batch).toEqualTypeOf<BatchResponse>()
        return context.batch
      })
    expectTypeOf(handler).returns.toEqualTypeOf<Promise<BatchResponse>>()
  })

  test('an SQS record handler does not fit a Kinesis chain', () => {
    // @ts-expect-error batch() defaults to SQS records; a Kinesis builder needs batch<KinesisStreamRecord>()
    lambda<KinesisStreamEvent>().use(batch(() => undefined))
    lambda<KinesisStreamEvent>().use(batch((record: KinesisStreamRecord) => record.kinesis.data))
  })
})

describe('events typed by @types/aws-lambda or parsed by @sluice/events', () => {
  test('processBatch takes either shape; the record handler sees the record type of the one it got', () => {
    void processBatch(sqs, (record) => expectTypeOf(record).toEqualTypeOf<SQSRecord>())
    void processBatch(parsedSqs, (record) => {
      expectTypeOf(record).toEqualTypeOf<SqsRecord>()
      expectTypeOf(record.md5OfMessageAttributes).toEqualTypeOf<string | null | undefined>()
    })
  })

  test('with a schema, the payload type does not depend on which shape the records have', () => {
    type Order = { orderId: string }
    void processBatch(parsedSqs, (payload) => expectTypeOf(payload).toEqualTypeOf<Order>(), { schema: order })
    void processBatch(parsedKinesis, (payload) => expectTypeOf(payload).toEqualTypeOf<Order>(), {
      schema: order,
    })
    void processBatch(
      parsedDynamodb,
      (change) => expectTypeOf(change).toEqualTypeOf<DynamoDbChange<Order>>(),
      {
        schema: order,
      },
    )
  })

  test('batch() after parse(schemas.sqs) takes the parsed records; an AWS-typed record handler does not fit', () => {
    lambda()
      .use(parse(schemas.sqs))
      .use(batch((record: SqsRecord) => expectTypeOf(record.messageId).toEqualTypeOf<string>()))
    lambda<SQSEvent>().use(batch((record) => expectTypeOf(record).toEqualTypeOf<SQSRecord>()))
    const parsed = lambda().use(parse(schemas.sqs))
    // @ts-expect-error a parsed SQS event may carry null attribute values: SQSRecord's handler would not expect them
    parsed.use(batch((record: SQSRecord) => record.body))
  })
})
