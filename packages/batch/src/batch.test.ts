import middy from '@middy/core'
import { lambda, type Middleware } from '@sluice/core'
import { createContext, events, invoke, LambdaInvokeError } from '@sluice/testing'
import type { KinesisStreamRecord, SQSEvent, SQSRecord } from 'aws-lambda'
import { describe, expect, test } from 'vitest'
import { z } from 'zod'
import { reported } from '../test-support/reported.ts'
import { batch } from './batch.ts'
import { BatchError } from './errors.ts'

const failOdd = (_record: SQSRecord, { index }: { index: number }) => {
  if (index % 2 === 1) throw new Error(`record ${index} failed`)
}

describe('batch() in a lambda() chain', () => {
  test('puts the response on context.batch for the handler to return', async () => {
    const event = events.sqs({ records: 4 })
    const handler = lambda<SQSEvent>()
      .use(batch(failOdd))
      .handler((_event, context) => context.batch)
    const response = await invoke(handler, event)
    expect(reported(response)).toEqual([event.Records[1]?.messageId, event.Records[3]?.messageId].sort())
  })

  test('is the response even when the handler returns nothing', async () => {
    const event = events.sqs({ records: 2 })
    const handler = lambda<SQSEvent>()
      .use(batch(failOdd))
      .handler(() => undefined)
    expect(reported((await invoke(handler, event)) as never)).toEqual([event.Records[1]?.messageId])
  })

  test('takes the deadline from the invocation context', async () => {
    const event = events.sqs({ records: 3 })
    const handler = lambda<SQSEvent>()
      .use(batch(() => undefined, { onAllFailed: 'report' }))
      .handler((_event, context) => context.batch)
    // 400 ms left, margin 500 ms: nothing may start
    const response = await handler(event, createContext({ timeoutMs: 400 }))
    expect(response.batchItemFailures).toHaveLength(3)
  })

  test("all failed with onAllFailed 'throw' fails the invocation with BATCH_ALL_FAILED", async () => {
    const handler = lambda<SQSEvent>()
      .use(batch(() => Promise.reject(new Error('downstream down'))))
      .handler((_event, context) => context.batch)
    const error = await invoke(handler, events.sqs({ records: 2 })).catch((e) => e)
    expect(error).toBeInstanceOf(LambdaInvokeError)
    expect(error.lambdaError.errorType).toBe('BatchError')
    expect(error.lambdaError.errorMessage).toMatch(/^All 2 records failed/)
  })

  test('a payload schema and a stream record type flow into the record handler', async () => {
    const reading = z.object({ celsius: z.number() })
    const seen: number[] = []
    const handler = lambda<{ Records: KinesisStreamRecord[] }>()
      .use(
        batch<KinesisStreamRecord, typeof reading>((payload) => void seen.push(payload.celsius), {
          schema: reading,
        }),
      )
      .handler((_event, context) => context.batch)
    await invoke(handler, events['kinesis-stream']({ records: 2, data: (i) => ({ celsius: 20 + i }) }))
    expect(seen).toEqual([20, 21])
  })
})

describe('batch() in plain middy', () => {
  test('needs no handler, and an earlier middleware’s after still runs', async () => {
    const event = events.sqs({ records: 3 })
    const afters: unknown[] = []
    const audit: Middleware = {
      after: function auditAfter(request) {
        afters.push(request.response)
      },
    }
    const handler = middy<SQSEvent>().use(audit).use(batch(failOdd))
    const response = await handler(event, createContext())
    expect(reported(response as never)).toEqual([event.Records[1]?.messageId])
    expect(afters).toEqual([response])
  })
})

describe('bad options', () => {
  test('fail when the middleware is made, not on the first batch', () => {
    expect(() => batch(() => undefined, { concurrency: -1 })).toThrow(BatchError)
    expect(() => batch('nope' as never)).toThrow(/recordHandler must be a function/)
  })
})
