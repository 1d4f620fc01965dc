import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { fakeResult } from '../../test-support/fake-result.ts'
import { SluiceRuntimeError } from '../errors.ts'
import { eventbridgeSource } from './eventbridge-source.ts'
import { s3Source } from './s3-source.ts'
import { snsSource } from './sns-source.ts'
import type { InvokeTarget } from './source-types.ts'

const events: unknown[] = []
const target: InvokeTarget = {
  invoke: async (event, options) => {
    events.push(event)
    return fakeResult(options?.requestId ?? 'r', { result: null })
  },
}

const sources = {
  s3: () => s3Source({ function: target, bucket: 'uploads', timeScale: 10_000 }),
  sns: () => snsSource({ function: target, topic: 'orders', timeScale: 10_000 }),
  eventbridge: () => eventbridgeSource({ function: target, timeScale: 10_000 }),
}

const inputs = {
  s3: fc.record(
    {
      key: fc.string({ minLength: 1 }),
      size: fc.nat(),
      eventName: fc.constantFrom('ObjectCreated:Put', 'ObjectRemoved:Delete'),
    },
    { requiredKeys: ['key'] },
  ),
  sns: fc.record(
    {
      message: fc.jsonValue(),
      subject: fc.string({ minLength: 1, maxLength: 20 }).filter((s) => !/[\r\n]/.test(s)),
    },
    { requiredKeys: ['message'] },
  ),
  eventbridge: fc.record({
    source: fc.string({ minLength: 1 }),
    detailType: fc.string({ minLength: 1 }),
    detail: fc.dictionary(fc.string(), fc.jsonValue()),
  }),
}

describe.each(Object.keys(sources) as Array<keyof typeof sources>)('%s source send', (kind) => {
  it('accepts every well-formed input', async () => {
    await fc.assert(
      fc.asyncProperty(inputs[kind], async (input) => {
        await using source = sources[kind]()
        const ids = await source.send(input as never)
        expect(ids).toHaveLength(1)
        await source.quiet({ timeoutMs: 10_000 })
      }),
      { numRuns: 30 },
    )
  })

  it('answers any JSON with ids or a typed error, and queues nothing on an error', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.jsonValue(), fc.array(fc.jsonValue(), { maxLength: 3 })),
        async (input) => {
          await using source = sources[kind]()
          try {
            await source.send(input as never)
          } catch (error) {
            expect(error).toBeInstanceOf(SluiceRuntimeError)
            expect(['INVALID_ARGUMENT', 'EVENT_SOURCE_PAYLOAD_TOO_LARGE']).toContain(
              (error as SluiceRuntimeError).code,
            )
            expect(source.fates()).toEqual([])
          }
          await source.quiet({ timeoutMs: 10_000 })
        },
      ),
      { numRuns: 100 },
    )
  })
})

describe('async source options', () => {
  it('refuse a bucket, topic or bus AWS would refuse, with EVENT_SOURCE_INVALID_OPTION', () => {
    for (const make of [
      () => s3Source({ function: target, bucket: 'Upper_Case' }),
      () => snsSource({ function: target, topic: 'has space' }),
      () => eventbridgeSource({ function: target, bus: '' }),
      () => s3Source({ function: target, bucket: 'ok-bucket', maximumRetryAttempts: 3 }),
    ])
      expect(make).toThrow(expect.objectContaining({ code: 'EVENT_SOURCE_INVALID_OPTION' }))
  })

  it('place each event in the region and account they are given', async () => {
    const where = { function: target, timeScale: 10_000, region: 'eu-west-1', accountId: '111122223333' }
    events.length = 0
    await using uploads = s3Source({ ...where, bucket: 'uploads' })
    await using orders = snsSource({ ...where, topic: 'orders' })
    await using bus = eventbridgeSource(where)
    await uploads.send({ key: 'a.csv' })
    await orders.send({ message: 'hi' })
    await bus.send({ source: 'shop', detailType: 'Placed', detail: {} })
    for (const source of [uploads, orders, bus]) await source.quiet({ timeoutMs: 10_000 })
    expect(JSON.stringify(events)).not.toContain('us-east-1')
    expect(events).toEqual([
      { Records: [expect.objectContaining({ awsRegion: 'eu-west-1' })] },
      {
        Records: [
          expect.objectContaining({
            Sns: expect.objectContaining({ TopicArn: 'arn:aws:sns:eu-west-1:111122223333:orders' }),
          }),
        ],
      },
      expect.objectContaining({ region: 'eu-west-1', account: '111122223333' }),
    ])
  })

  it('say what a bad input lacks', async () => {
    await using uploads = sources.s3()
    await expect(uploads.send({ size: 1 } as never)).rejects.toThrow(
      's3: "key" must be a string (got nothing)',
    )
    await using orders = sources.sns()
    await expect(orders.send({ message: 'hi', subject: 'x'.repeat(101) })).rejects.toThrow(
      'at most 100 characters',
    )
  })
})
