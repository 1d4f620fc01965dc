import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type StreamReply, streamTarget } from '../../test-support/stream-target.ts'
import { SluiceRuntimeError } from '../errors.ts'
import { dynamodbStreamSource } from './dynamodb-stream-source.ts'

const failing = () => streamTarget((): StreamReply => ({ error: 'Error' }))

describe('dynamodbStreamSource', () => {
  it('sends DDBStreamBatchInfo metadata to onFailure when retries run out', async () => {
    await using table = dynamodbStreamSource({
      function: failing(),
      name: 'orders',
      maximumRetryAttempts: 0,
      destinationConfig: { onFailure: { destination: 'orders-failures' } },
    })
    const [seq] = await table.send({ keys: { pk: 'o-1' }, newImage: { status: 'new' } })
    await table.quiet({ timeoutMs: 30_000 })
    const [record] = table.outputs().onFailure ?? []
    expect(record).toMatchObject({
      requestContext: { condition: 'RetryAttemptsExhausted', approximateInvokeCount: 1 },
      DDBStreamBatchInfo: { startSequenceNumber: seq, endSequenceNumber: seq, streamArn: table.streamArn },
    })
    expect(record).not.toHaveProperty('KinesisBatchInfo')
    expect(table.fates()[0]).toMatchObject({ state: 'retries-exhausted', receiveCount: 1 })
  })

  it.each<[string, unknown]>([
    ['no keys', { newImage: { a: 1 } }],
    ['three key attributes', { keys: { a: 1, b: 2, c: 3 } }],
    ['an object key value', { keys: { pk: { S: 'x' } } }],
    ['an INSERT with an old image', { eventName: 'INSERT', keys: { pk: 'a' }, oldImage: { n: 1 } }],
    ['a REMOVE with a new image', { eventName: 'REMOVE', keys: { pk: 'a' }, newImage: { n: 1 } }],
    ['an unknown eventName', { eventName: 'UPSERT', keys: { pk: 'a' } }],
    ['an array image', { keys: { pk: 'a' }, newImage: [1] }],
  ])('rejects %s with INVALID_ARGUMENT and enqueues nothing', async (_, bad) => {
    await using table = dynamodbStreamSource({ function: failing() })
    await expect(table.send([{ keys: { pk: 'ok' } }, bad as never])).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    })
    expect(table.fates()).toEqual([])
  })

  it('rejects an item image over 400 KB', async () => {
    await using table = dynamodbStreamSource({ function: failing() })
    await expect(
      table.send({ keys: { pk: 'a' }, newImage: { blob: 'x'.repeat(410_000) } }),
    ).rejects.toMatchObject({
      code: 'EVENT_SOURCE_PAYLOAD_TOO_LARGE',
    })
  })

  it('rejects a bad streamViewType', () => {
    expect(() => dynamodbStreamSource({ function: failing(), streamViewType: 'ALL' as never })).toThrow(
      'streamViewType',
    )
  })

  it('takes any JSON input: a typed error or one sequence number per change', async () => {
    await using table = dynamodbStreamSource({ function: streamTarget(() => ({})) })
    const change = fc.record(
      {
        eventName: fc.constantFrom('INSERT', 'MODIFY', 'REMOVE', 'X'),
        keys: fc.dictionary(fc.string({ maxLength: 3 }), fc.oneof(fc.string(), fc.integer(), fc.boolean())),
        newImage: fc.jsonValue(),
        oldImage: fc.jsonValue(),
      },
      { requiredKeys: [] },
    )
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.jsonValue(), change, fc.array(change, { maxLength: 4 })),
        async (value) => {
          const before = table.fates().length
          const outcome = await table.send(value as never).then(
            (ids) => ids,
            (error: unknown) => error,
          )
          if (outcome instanceof SluiceRuntimeError) expect(table.fates().length).toBe(before)
          else expect(outcome).toHaveLength(Array.isArray(value) ? value.length : 1)
        },
      ),
    )
    await table.quiet({ timeoutMs: 30_000 })
  })
})
