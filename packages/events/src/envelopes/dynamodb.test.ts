import { events } from '@sluice/testing'
import { describe, expect, test } from 'vitest'
import { z } from 'zod'
import { safeParseEvent } from '../parse-event.ts'
import { envelopes } from './index.ts'

const user = z.object({ pk: z.string(), visits: z.number(), balance: z.union([z.number(), z.string()]) })

describe('envelopes.dynamodbStream', () => {
  test('unmarshalls keys and images and parses images with the schema', () => {
    const event = events['dynamodb-stream']({
      records: [
        { eventName: 'INSERT', keys: { pk: 'u-1' }, newImage: { pk: 'u-1', visits: 1, balance: 0.1 } },
        {
          eventName: 'MODIFY',
          keys: { pk: 'u-1' },
          oldImage: { pk: 'u-1', visits: 1, balance: 0.1 },
          newImage: { pk: 'u-1', visits: 2, balance: 0.3 },
        },
        { eventName: 'REMOVE', keys: { pk: 'u-1' }, oldImage: { pk: 'u-1', visits: 2, balance: 0.3 } },
      ],
    })
    expect(envelopes.dynamodbStream(user).parse(event)).toEqual([
      {
        eventName: 'INSERT',
        keys: { pk: 'u-1' },
        newImage: { pk: 'u-1', visits: 1, balance: 0.1 },
        oldImage: undefined,
      },
      {
        eventName: 'MODIFY',
        keys: { pk: 'u-1' },
        newImage: { pk: 'u-1', visits: 2, balance: 0.3 },
        oldImage: { pk: 'u-1', visits: 1, balance: 0.1 },
      },
      {
        eventName: 'REMOVE',
        keys: { pk: 'u-1' },
        newImage: undefined,
        oldImage: { pk: 'u-1', visits: 2, balance: 0.3 },
      },
    ])
  })

  test('keeps numbers exact: a balance past double precision arrives as its string', () => {
    const event = events['dynamodb-stream']({ records: [{ newImage: { pk: 'u-1', visits: 1 } }] })
    const image = event.Records[0]!.dynamodb!.NewImage!
    image.balance = { N: '12345678901234567890.123456789' }
    const [change] = envelopes.dynamodbStream(user).parse(event)
    expect(change?.newImage?.balance).toBe('12345678901234567890.123456789')
  })

  test('an attribute that is not in the wire format is reported at its path', () => {
    const event = events['dynamodb-stream']({ records: [{ newImage: { pk: 'u-1', visits: 1, balance: 1 } }] })
    event.Records[0]!.dynamodb!.NewImage!.visits = { N: 1 } as never
    expect(safeParseEvent(envelopes.dynamodbStream(user), event)).toMatchObject({
      success: false,
      error: { source: 'dynamodb-stream', path: ['Records', 0, 'dynamodb', 'NewImage', 'visits'] },
    })
  })
})
