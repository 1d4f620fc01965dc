// S3, SNS and EventBridge invoke asynchronously: the events they hand the real RIC have AWS's shape (they parse with
// @sluice/events' schemas), and they get Lambda's retries and destinations from the async invoker beneath them.
import { fileURLToPath } from 'node:url'
import { schemas } from '@sluice/events'
import { eventbridgeSource, type Runtime, s3Source, snsSource, startRuntime } from '@sluice/runtime'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('../..', import.meta.url))
const onSuccess = { destinationConfig: { onSuccess: { destination: 'seen' } }, timeScale: 100 }

/** What the echo fixture received, read from the on-success record. */
function received(source: { outputs(): Readonly<Record<string, readonly unknown[]>> }): unknown {
  const [record] = source.outputs().onSuccess ?? []
  return (record as { responsePayload: { received: unknown } }).responsePayload.received
}

describe('async sources through the real RIC', () => {
  let echo: Runtime
  let fails: Runtime
  beforeAll(async () => {
    echo = await startRuntime({ handler: 'test/fixtures/event-sources/async-echo.mjs#handler', cwd: root })
    fails = await startRuntime({ handler: 'test/fixtures/event-sources/async-fails.mjs#handler', cwd: root })
  })
  afterAll(async () => {
    await echo?.stop()
    await fails?.stop()
  })

  it('s3Source sends an S3 notification with the key URL-encoded as S3 does', async () => {
    await using uploads = s3Source({ function: echo, bucket: 'uploads', ...onSuccess })
    await uploads.send({ key: 'in/report 1.csv', size: 2048 })
    await uploads.quiet({ timeoutMs: 30_000 })
    const event = schemas.s3.parse(received(uploads))
    expect(uploads.kind).toBe('s3')
    expect(event.Records).toHaveLength(1)
    expect(event.Records[0]).toMatchObject({
      eventSource: 'aws:s3',
      eventName: 'ObjectCreated:Put',
      s3: {
        bucket: { name: 'uploads', arn: 'arn:aws:s3:::uploads' },
        object: { key: 'in/report+1.csv', size: 2048 },
      },
    })
  })

  it('snsSource sends an SNS notification with the message as JSON text, subject and attributes', async () => {
    await using orders = snsSource({ function: echo, topic: 'orders', ...onSuccess })
    await orders.send({
      message: { orderId: 'o-1' },
      subject: 'order placed',
      messageAttributes: { tier: 'gold', n: 3 },
    })
    await orders.quiet({ timeoutMs: 30_000 })
    const event = schemas.sns.parse(received(orders))
    expect(event.Records[0]?.Sns).toMatchObject({
      Message: '{"orderId":"o-1"}',
      Subject: 'order placed',
      TopicArn: expect.stringMatching(/^arn:aws:sns:[a-z0-9-]+:\d{12}:orders$/),
      MessageAttributes: { tier: { Type: 'String', Value: 'gold' }, n: { Type: 'Number', Value: '3' } },
    })
  })

  it('eventbridgeSource sends an EventBridge event carrying exactly the detail that was put', async () => {
    await using bus = eventbridgeSource({ function: echo, bus: 'shop', ...onSuccess })
    await bus.send({ source: 'shop.orders', detailType: 'Order Placed', detail: { orderId: 'o-2' } })
    await bus.quiet({ timeoutMs: 30_000 })
    const event = schemas.eventbridge.parse(received(bus))
    expect(event).toMatchObject({
      version: '0',
      source: 'shop.orders',
      'detail-type': 'Order Placed',
      detail: { orderId: 'o-2' },
      resources: [],
    })
    expect(event.id).toMatch(/^[0-9a-f-]{36}$/)
    expect(bus.name).toBe('shop')
  })

  it('a source retries a failing function like any asynchronous invocation', async () => {
    await using uploads = s3Source({
      function: fails,
      bucket: 'uploads',
      timeScale: 200,
      maximumRetryAttempts: 1,
      destinationConfig: { onFailure: { destination: 'failed' } },
    })
    const [id] = await uploads.send({ key: 'bad.csv' })
    await uploads.quiet({ timeoutMs: 30_000 })
    expect(uploads.fates()).toMatchObject([{ id, receiveCount: 2, state: 'destination' }])
    const [record] = uploads.outputs().onFailure ?? []
    expect(
      schemas.s3.parse((record as { requestPayload: unknown }).requestPayload).Records[0]?.s3.object.key,
    ).toBe('bad.csv')
  })
})
