import { describe, expect, test } from 'vitest'
import { events } from './events.ts'

describe('events.s3', () => {
  test('describes the object and bucket, with the key URL-encoded as S3 sends it', () => {
    const event = events.s3({ bucket: 'uploads', key: 'in/my file.csv', size: 10, region: 'eu-west-1' })
    expect(event.Records).toHaveLength(1)
    expect(event.Records[0]).toMatchObject({
      eventSource: 'aws:s3',
      eventName: 'ObjectCreated:Put',
      awsRegion: 'eu-west-1',
      s3: {
        bucket: { name: 'uploads', arn: 'arn:aws:s3:::uploads' },
        object: { key: 'in/my+file.csv', size: 10 },
      },
    })
    expect(event.Records[0]?.s3.object.eTag).toMatch(/^[0-9a-f]{32}$/)
  })

  test('names one object per record', () => {
    const keys = events.s3({ records: 3 }).Records.map((r) => r.s3.object.key)
    expect(keys).toEqual(['object-0.json', 'object-1.json', 'object-2.json'])
    expect(events.s3({ records: 2, key: (i) => `k${i}` }).Records.map((r) => r.s3.object.key)).toEqual([
      'k0',
      'k1',
    ])
  })
})
