import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { dynamoDbStreamSchema, kinesisStreamSchema, unmarshall } from '@sluice/events'
import { dynamodbStreamSource, kinesisSource, type Runtime, startRuntime } from '@sluice/runtime'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const cwd = fileURLToPath(new URL('../..', import.meta.url))
const handler = 'test/fixtures/event-sources/stream-record.mjs#handler'

describe('stream events as the function receives them (real aws-lambda-ric)', () => {
  let dir = ''
  let out = ''
  let runtime: Runtime
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sluice-stream-events-'))
    out = join(dir, 'events.jsonl')
    runtime = await startRuntime({ handler, cwd, env: { STREAM_OUT: out } })
  })
  afterAll(async () => {
    await runtime.stop()
    await rm(dir, { recursive: true, force: true })
  })
  const received = async (): Promise<unknown[]> =>
    (await readFile(out, 'utf8'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line))

  it('builds Kinesis events that @sluice/events parses, with the data base64 and eventIDs naming the shard', async () => {
    await using stream = kinesisSource({
      function: runtime,
      name: 'clicks',
      shards: 3,
      awsRegion: 'eu-west-1',
    })
    const ids = await stream.send([
      { partitionKey: 'a', data: 'plain text' },
      { partitionKey: 'b', data: { n: 1 } },
      { partitionKey: 'a', data: [1, 'two'] },
    ])
    await stream.quiet({ timeoutMs: 30_000 })
    const records = (await received()).flatMap((event) => kinesisStreamSchema.parse(event).Records)
    expect(records.map((r) => r.kinesis.sequenceNumber).sort()).toEqual([...ids].sort())
    const data = records.map((r) => Buffer.from(r.kinesis.data, 'base64').toString('utf8'))
    expect(data.sort()).toEqual(['[1,"two"]', 'plain text', '{"n":1}'])
    for (const record of records) {
      expect(record).toMatchObject({
        eventSource: 'aws:kinesis',
        eventName: 'aws:kinesis:record',
        awsRegion: 'eu-west-1',
        eventSourceARN: 'arn:aws:kinesis:eu-west-1:123456789012:stream/clicks',
      })
      expect(record.eventID).toMatch(new RegExp(`^shardId-\\d{12}:${record.kinesis.sequenceNumber}$`))
      expect(record.kinesis.sequenceNumber).toMatch(/^\d{56}$/)
    }
  })

  it('builds DynamoDB stream events that @sluice/events parses, with images marshalled', async () => {
    await using table = dynamodbStreamSource({ function: runtime, name: 'orders' })
    await table.send([
      { keys: { pk: 'o-1' }, newImage: { status: 'new', total: 12.5 } },
      { keys: { pk: 'o-1' }, oldImage: { status: 'new' }, newImage: { status: 'paid', tags: ['x'] } },
      { keys: { pk: 'o-1' }, oldImage: { status: 'paid' } },
    ])
    await table.quiet({ timeoutMs: 30_000 })
    const events = await received()
    const records = events.flatMap((event) => dynamoDbStreamSchema.safeParse(event).data?.Records ?? [])
    expect(records.map((r) => r.eventName)).toEqual(['INSERT', 'MODIFY', 'REMOVE'])
    const [insert, modify, remove] = records
    expect(unmarshall(insert?.dynamodb.NewImage ?? {})).toEqual({ pk: 'o-1', status: 'new', total: 12.5 })
    expect(insert?.dynamodb.OldImage).toBeUndefined()
    expect(unmarshall(modify?.dynamodb.NewImage ?? {})).toEqual({ pk: 'o-1', status: 'paid', tags: ['x'] })
    expect(unmarshall(remove?.dynamodb.OldImage ?? {})).toEqual({ pk: 'o-1', status: 'paid' })
    expect(remove?.dynamodb).toMatchObject({
      Keys: { pk: { S: 'o-1' } },
      StreamViewType: 'NEW_AND_OLD_IMAGES',
    })
    expect(
      records.every((r) => r.eventSource === 'aws:dynamodb' && r.eventSourceARN === table.streamArn),
    ).toBe(true)
  })
})
