import { describe, expect, test } from 'vitest'
import { events } from './events.ts'

const decode = (data: string | undefined) => Buffer.from(data ?? '', 'base64').toString()

describe("events['kinesis-stream']", () => {
  test('base64-encodes each record’s data', () => {
    const event = events['kinesis-stream']({ records: 2, data: (i) => ({ reading: i }) })
    expect(event.Records.map((r) => decode(r.kinesis.data))).toEqual(['{"reading":0}', '{"reading":1}'])
    expect(decode(events['kinesis-stream']({ data: 'raw' }).Records[0]?.kinesis.data)).toBe('raw')
  })

  test('gives increasing sequence numbers on one shard and a stream ARN', () => {
    const [a, b] = events['kinesis-stream']({ records: 2, streamName: 'clicks', region: 'eu-west-1' }).Records
    expect(BigInt(b?.kinesis.sequenceNumber ?? '0') - BigInt(a?.kinesis.sequenceNumber ?? '0')).toBe(1n)
    expect(a?.eventID).toBe(`shardId-000000000000:${a?.kinesis.sequenceNumber}`)
    expect(a?.eventSourceARN).toBe('arn:aws:kinesis:eu-west-1:123456789012:stream/clicks')
    expect(a?.kinesis.partitionKey).toBe('partition-0')
  })
})
