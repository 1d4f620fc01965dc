import { envelopes } from '@sluice/events'
import { events } from '@sluice/testing'
import { describe, expect, test } from 'vitest'
import { z } from 'zod'
import { BatchError } from './errors.ts'
import type { RecordFailure } from './options.ts'
import { processBatch } from './process-batch.ts'
import type { StandardSchemaV1 } from './standard-schema.ts'

const order = z.object({ orderId: z.string(), cents: z.number().int() })

const failuresOf = async (run: (onFailure: (f: RecordFailure<never>) => void) => Promise<unknown>) => {
  const failures: RecordFailure<never>[] = []
  await run((failure) => failures.push(failure))
  return failures
}

/** Runs `event` through `processBatch` with the `order` schema: how many handler calls ran, and the failures. */
const runOrders = async (event: Parameters<typeof processBatch>[0]) => {
  let ran = 0
  const failures = await failuresOf((onFailure) =>
    processBatch(event, () => void ran++, { schema: order, onFailure: onFailure as never }),
  )
  return { ran, failures }
}

describe('with a schema', () => {
  test('SQS: the handler gets the validated JSON body', async () => {
    const event = events.sqs({
      records: 2,
      body: (i) => ({ orderId: `o-${i}`, cents: i * 100, extra: true }),
    })
    const seen: unknown[] = []
    await processBatch(event, (payload) => void seen.push(payload), { schema: order })
    expect(seen).toEqual([
      { orderId: 'o-0', cents: 0 },
      { orderId: 'o-1', cents: 100 },
    ])
  })

  test('Kinesis: the handler gets the validated JSON in the base64 data', async () => {
    const event = events['kinesis-stream']({ records: 1, data: { orderId: 'k-1', cents: 5 } })
    const seen: unknown[] = []
    await processBatch(event, (payload) => void seen.push(payload), { schema: order })
    expect(seen).toEqual([{ orderId: 'k-1', cents: 5 }])
  })

  test('DynamoDB Streams: the handler gets the change with keys and both images unmarshalled and validated', async () => {
    const user = z.object({ pk: z.string(), visits: z.number() })
    const event = events['dynamodb-stream']({
      records: 1,
      eventName: 'MODIFY',
      newImage: { pk: 'u-1', visits: 4 },
      oldImage: { pk: 'u-1', visits: 3 },
    })
    const seen: unknown[] = []
    await processBatch(event, (change) => void seen.push(change), { schema: user })
    expect(seen).toEqual([
      {
        eventName: 'MODIFY',
        keys: { pk: 'item-0' },
        newImage: { pk: 'u-1', visits: 4 },
        oldImage: { pk: 'u-1', visits: 3 },
      },
    ])
  })

  test('a payload that is not JSON or does not match is a failed record with BATCH_PAYLOAD_INVALID and a path', async () => {
    const bodies = ['{"orderId":"a","cents":1}', 'not json', '{"orderId":"c","cents":1.5}']
    const event = events.sqs({ records: 3, body: (i) => bodies[i] })
    const { ran, failures } = await runOrders(event)
    expect(ran).toBe(1)
    expect(
      failures.map((f) => [f.index, f.reason, (f.error as BatchError).code, (f.error as BatchError).path]),
    ).toEqual([
      [1, 'error', 'BATCH_PAYLOAD_INVALID', ['Records', 1, 'body']],
      [2, 'error', 'BATCH_PAYLOAD_INVALID', ['Records', 2, 'body', 'cents']],
    ])
    expect(failures[0]?.error).toBeInstanceOf(BatchError)
  })

  test('Kinesis data that is not base64 fails its record with the data path; the others run', async () => {
    const event = events['kinesis-stream']({ records: 2, data: { orderId: 'k', cents: 1 } })
    const [, second] = event.Records
    if (second) second.kinesis.data = 'not*base64'
    const { ran, failures } = await runOrders(event)
    expect(ran).toBe(1)
    expect(failures.map((f) => [f.index, (f.error as BatchError).path])).toEqual([
      [1, ['Records', 1, 'kinesis', 'data']],
    ])
  })

  test('a JSON body cannot pollute prototypes', async () => {
    const loose = z.looseObject({ orderId: z.string() })
    const event = events.sqs({ records: 1, body: () => '{"orderId":"p","__proto__":{"polluted":true}}' })
    const seen: object[] = []
    await processBatch(event, (payload) => void seen.push(payload), { schema: loose })
    expect(seen).toHaveLength(1)
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined()
    expect(Object.getPrototypeOf(seen[0])).toBe(Object.prototype)
  })

  test('a DynamoDB image that does not unmarshal fails its record, with the image in the path', async () => {
    const event = events['dynamodb-stream']({
      records: [{ newImage: { n: 1 } }, { dynamodb: { NewImage: { n: { X: '1' } as never } } }],
    })
    const failures = await failuresOf((onFailure) =>
      processBatch(event, () => undefined, {
        schema: z.object({ n: z.number() }),
        onFailure: onFailure as never,
      }),
    )
    expect(failures.map((f) => (f.error as BatchError).path)).toEqual([
      ['Records', 1, 'dynamodb', 'NewImage'],
    ])
  })

  test('an asynchronous Standard Schema is awaited', async () => {
    const evenCents: StandardSchemaV1<unknown, { cents: number }> = {
      '~standard': {
        version: 1,
        vendor: 'test',
        validate: async (value) => {
          const cents = (value as { cents?: unknown }).cents
          return typeof cents === 'number' && cents % 2 === 0
            ? { value: { cents } }
            : { issues: [{ message: 'odd', path: [{ key: 'cents' }] }] }
        },
      },
    }
    const event = events.sqs({ records: 2, body: (i) => ({ cents: i }) })
    const seen: unknown[] = []
    const failures = await failuresOf((onFailure) =>
      processBatch(event, (payload) => void seen.push(payload), {
        schema: evenCents,
        onFailure: onFailure as never,
      }),
    )
    expect(seen).toEqual([{ cents: 0 }])
    expect((failures[0]?.error as BatchError | undefined)?.path).toEqual(['Records', 1, 'body', 'cents'])
  })
})

describe('with an envelope from @sluice/events', () => {
  test('the envelope decodes each record on its own: a plain-text body, a bad record fails alone', async () => {
    const event = events.sqs({ records: 3, body: (i) => (i === 1 ? '' : `line ${i}`) })
    const seen: string[] = []
    const failures = await failuresOf((onFailure) =>
      processBatch(event, (line) => void seen.push(line), {
        schema: envelopes.sqsText(z.string().min(1)),
        onFailure: onFailure as never,
      }),
    )
    expect(seen).toEqual(['line 0', 'line 2'])
    const error = failures[0]?.error as BatchError
    expect([failures[0]?.index, error.code, error.path]).toEqual([
      1,
      'BATCH_PAYLOAD_INVALID',
      ['Records', 1, 'body'],
    ])
    expect((error.cause as Error).name).toBe('ParseError')
  })

  test('a DynamoDB envelope gives the same change as a plain schema', async () => {
    const user = z.object({ pk: z.string(), visits: z.number() })
    const event = events['dynamodb-stream']({
      records: 1,
      newImage: { pk: 'u-1', visits: 4 },
    })
    const seen: unknown[] = []
    await processBatch(event, (change) => void seen.push(change), { schema: envelopes.dynamodbStream(user) })
    await processBatch(event, (change) => void seen.push(change), { schema: user })
    expect(seen[0]).toEqual({
      eventName: 'INSERT',
      keys: { pk: 'item-0' },
      newImage: { pk: 'u-1', visits: 4 },
      oldImage: undefined,
    })
    expect(seen[1]).toEqual(seen[0])
  })

  test('an envelope for another source is BATCH_INVALID_OPTION before any record runs', async () => {
    let ran = 0
    const error = await processBatch(events['kinesis-stream']({ records: 2 }), () => void ran++, {
      schema: envelopes.sqs(order),
    }).catch((e) => e)
    expect([error.code, error.path, ran]).toEqual(['BATCH_INVALID_OPTION', ['schema'], 0])
  })
})
