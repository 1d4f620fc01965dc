import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { SluiceRuntimeError } from '../errors.ts'
import { resolveSqsOptions, type SqsSourceOptions } from './sqs-options.ts'

const target = { invoke: () => Promise.reject(new Error('not called')) }
const resolve = (options: Partial<SqsSourceOptions>) => resolveSqsOptions({ function: target, ...options })
const rejects = (options: Record<string, unknown>, message: RegExp) => {
  let thrown: unknown
  try {
    resolveSqsOptions({ function: target, ...options })
  } catch (error) {
    thrown = error
  }
  expect(thrown).toBeInstanceOf(SluiceRuntimeError)
  expect(thrown).toMatchObject({
    code: 'EVENT_SOURCE_INVALID_OPTION',
    message: expect.stringMatching(message),
  })
}

describe('resolveSqsOptions', () => {
  it("applies AWS's defaults, and 5 concurrent batches locally", () => {
    expect(resolve({})).toMatchObject({
      name: 'queue',
      fifo: false,
      visibilityMs: 30_000,
      retentionMs: 345_600_000,
      delayMs: 0,
      maximumMessageSize: 1_048_576,
      maxReceiveCount: undefined,
      batchSize: 10,
      batchingWindowMs: 0,
      reportBatchItemFailures: false,
      maximumConcurrency: 5,
      duplicateDelivery: 0,
      arn: 'arn:aws:sqs:us-east-1:123456789012:queue',
    })
  })

  it('names a FIFO queue with .fifo, as SQS requires', () => {
    expect(resolve({ fifo: true, name: 'orders' }).arn).toBe('arn:aws:sqs:us-east-1:123456789012:orders.fifo')
  })

  it('takes more than 10 messages per batch only with a batching window', () => {
    rejects({ batchSize: 11 }, /batchSize 11 needs maximumBatchingWindowInSeconds/)
    expect(resolve({ batchSize: 10_000, maximumBatchingWindowInSeconds: 1 }).batchSize).toBe(10_000)
    rejects(
      { batchSize: 10_001, maximumBatchingWindowInSeconds: 1 },
      /batchSize must be an integer from 1 to 10000/,
    )
  })

  it('keeps FIFO to batches of 10, no batching window and no duplicate deliveries', () => {
    rejects({ fifo: true, batchSize: 11 }, /from 1 to 10 /)
    rejects({ fifo: true, maximumBatchingWindowInSeconds: 1 }, /not supported for FIFO/)
    rejects({ fifo: true, duplicateDelivery: 0.1 }, /standard queues/)
    rejects({ contentBasedDeduplication: true }, /FIFO queues only/)
  })

  it.each([
    [{ visibilityTimeout: 43_201 }, /visibilityTimeout must be an integer from 0 to 43200/],
    [{ messageRetentionPeriod: 59 }, /messageRetentionPeriod/],
    [{ delaySeconds: 901 }, /delaySeconds/],
    [{ maxReceiveCount: 0 }, /maxReceiveCount must be an integer from 1 to 1000/],
    [{ maximumConcurrency: 1 }, /maximumConcurrency must be an integer from 2 to 1000/],
    [{ maximumBatchingWindowInSeconds: 301 }, /from 0 to 300/],
    [{ functionResponseTypes: ['ReportBatchItemFailure'] }, /functionResponseTypes/],
    [{ duplicateDelivery: 1.5 }, /duplicateDelivery must be a number from 0 to 1/],
    [{ fifo: 'yes' }, /fifo must be true or false/],
    [{ batchSize: 2.5 }, /batchSize/],
    [{ function: {} }, /InvokeTarget/],
    [{ region: 'mars' }, /region/],
  ])('rejects %j', (options, message) => {
    rejects(options, message)
  })

  it('resolves within range or throws EVENT_SOURCE_INVALID_OPTION, over the whole option space', () => {
    const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined })
    const number = fc.oneof(fc.integer({ min: -5, max: 20_000 }), fc.double(), fc.constant(Number.NaN))
    const options = fc.record({
      fifo: maybe(fc.oneof(fc.boolean(), fc.string())),
      visibilityTimeout: maybe(number),
      maxReceiveCount: maybe(number),
      batchSize: maybe(number),
      maximumBatchingWindowInSeconds: maybe(number),
      maximumConcurrency: maybe(number),
      duplicateDelivery: maybe(fc.double()),
      functionResponseTypes: maybe(fc.constantFrom([], ['ReportBatchItemFailures'], ['Other'], 'x')),
    })
    fc.assert(
      fc.property(options, (given) => {
        try {
          const got = resolveSqsOptions({ function: target, ...(given as Partial<SqsSourceOptions>) })
          expect(got.batchSize).toBeLessThanOrEqual(got.fifo ? 10 : got.batchingWindowMs > 0 ? 10_000 : 10)
          expect(got.maximumConcurrency).toBeGreaterThanOrEqual(2)
          expect(got.visibilityMs).toBeLessThanOrEqual(43_200_000)
          expect(got.duplicateDelivery).toBeGreaterThanOrEqual(0)
        } catch (error) {
          expect(error).toMatchObject({ code: 'EVENT_SOURCE_INVALID_OPTION' })
        }
      }),
    )
  })
})
