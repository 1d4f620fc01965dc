import { describe, expect, test } from 'vitest'
import { events } from './events.ts'

describe("events['dynamodb-stream']", () => {
  test('INSERT records carry keys and the new image only', () => {
    const [record] = events['dynamodb-stream']({ tableName: 'users' }).Records
    expect(record).toMatchObject({ eventName: 'INSERT', eventSource: 'aws:dynamodb', eventVersion: '1.1' })
    expect(record?.dynamodb?.Keys).toEqual({ pk: { S: 'item-0' } })
    expect(record?.dynamodb?.NewImage).toEqual({ pk: { S: 'item-0' }, index: { N: '0' } })
    expect(record?.dynamodb?.OldImage).toBeUndefined()
    expect(record?.eventSourceARN).toMatch(/:table\/users\/stream\/\d{4}-\d{2}-\d{2}T/)
  })

  test('MODIFY carries both images and REMOVE the old one', () => {
    const [modify] = events['dynamodb-stream']({ eventName: 'MODIFY', newImage: { pk: 'u', v: 2 } }).Records
    expect(modify?.dynamodb?.NewImage).toEqual({ pk: { S: 'u' }, v: { N: '2' } })
    expect(modify?.dynamodb?.OldImage).toBeDefined()
    const [remove] = events['dynamodb-stream']({ eventName: 'REMOVE' }).Records
    expect(remove?.dynamodb?.NewImage).toBeUndefined()
    expect(remove?.dynamodb?.OldImage).toBeDefined()
  })

  test('builds one record per index with record-wide keys, a record partial winning', () => {
    const event = events['dynamodb-stream']({ records: 3, keys: (i) => ({ id: i * 10 }) })
    expect(event.Records.map((r) => r.dynamodb?.Keys)).toEqual([
      { id: { N: '0' } },
      { id: { N: '10' } },
      { id: { N: '20' } },
    ])
    const [own] = events['dynamodb-stream']({ records: [{ keys: { id: 'a' } }], keys: { id: 'b' } }).Records
    expect(own?.dynamodb?.Keys).toEqual({ id: { S: 'a' } })
  })
})
