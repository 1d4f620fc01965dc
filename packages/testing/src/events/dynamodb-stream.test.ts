import { describe, expect, test } from 'vitest'
import { dynamoDbStreamEvent } from './dynamodb-stream.ts'

describe('dynamoDbStreamEvent', () => {
  test('INSERT records carry keys and the new image only', () => {
    const [record] = dynamoDbStreamEvent({ tableName: 'users' }).Records
    expect(record).toMatchObject({ eventName: 'INSERT', eventSource: 'aws:dynamodb', eventVersion: '1.1' })
    expect(record?.dynamodb?.Keys).toEqual({ pk: { S: 'item-0' } })
    expect(record?.dynamodb?.NewImage).toEqual({ pk: { S: 'item-0' }, index: { N: '0' } })
    expect(record?.dynamodb?.OldImage).toBeUndefined()
    expect(record?.eventSourceARN).toMatch(/:table\/users\/stream\/\d{4}-\d{2}-\d{2}T/)
  })

  test('MODIFY carries both images and REMOVE the old one', () => {
    const [modify] = dynamoDbStreamEvent({
      eventName: 'MODIFY',
      newImage: () => ({ pk: { S: 'u' }, v: { N: '2' } }),
    }).Records
    expect(modify?.dynamodb?.NewImage).toEqual({ pk: { S: 'u' }, v: { N: '2' } })
    expect(modify?.dynamodb?.OldImage).toBeDefined()
    const [remove] = dynamoDbStreamEvent({ eventName: 'REMOVE' }).Records
    expect(remove?.dynamodb?.NewImage).toBeUndefined()
    expect(remove?.dynamodb?.OldImage).toBeDefined()
  })

  test('builds one record per index with custom keys', () => {
    const event = dynamoDbStreamEvent({ records: 3, keys: (i) => ({ id: { N: String(i * 10) } }) })
    expect(event.Records.map((r) => r.dynamodb?.Keys)).toEqual([
      { id: { N: '0' } },
      { id: { N: '10' } },
      { id: { N: '20' } },
    ])
  })
})
