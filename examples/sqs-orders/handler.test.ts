import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'
import { CreateTableCommand, DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb'
import { startRuntime } from '@sluice/runtime'
import { createContainer } from '@sluice/testing'
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda'
import { afterEach, describe, expect, it, vi } from 'vitest'
import event from './event.json' with { type: 'json' }
import slowEvent from './slow-event.json' with { type: 'json' }

const cwd = fileURLToPath(new URL('.', import.meta.url))
const module = new URL('./handler.ts', import.meta.url)
const orders = event as SQSEvent
const badMessageId = orders.Records[2]!.messageId
const validOrderIds = orders.Records.filter((r) => r.messageId !== badMessageId).map(
  (r) => JSON.parse(r.body).orderId as string,
)
// Tracing is the tracer package's business; here the X-Ray SDK would only complain about the missing segment.
const quiet = { LOG_LEVEL: 'silent', POWERTOOLS_TRACE_ENABLED: 'false' }

/** A warehouse API on 127.0.0.1 that counts fulfilment calls and refuses the order ids in `refusing`. */
async function warehouse() {
  const received: string[] = []
  const refusing = new Set<string>()
  const server = createServer(async (request, response) => {
    let body = ''
    for await (const chunk of request) body += chunk
    const { orderId } = JSON.parse(body) as { orderId: string }
    if (refusing.has(orderId)) return void response.writeHead(503).end()
    received.push(orderId)
    response
      .writeHead(201, { 'content-type': 'application/json' })
      .end(JSON.stringify({ confirmation: `wh-${received.length}` }))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    refusing,
    [Symbol.asyncDispose]: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

const failedIds = (response: SQSBatchResponse) => response.batchItemFailures.map((f) => f.itemIdentifier)

afterEach(() => {
  vi.useRealTimers()
})

describe('sqs-orders', () => {
  it('fulfils each valid order once, reports the bad message, and skips the redelivery', async () => {
    await using shop = await warehouse()
    await using container = createContainer<SQSEvent, SQSBatchResponse>({
      module,
      env: { ...quiet, WAREHOUSE_URL: shop.url },
    })
    const first = await container.invoke(orders)
    const redelivered = await container.invoke(orders)

    expect(failedIds(first)).toEqual([badMessageId])
    expect(failedIds(redelivered)).toEqual([badMessageId])
    expect(shop.received.sort()).toEqual([...validOrderIds].sort())
  })

  it('reports an order the warehouse refused, and fulfils it when it comes back', async () => {
    await using shop = await warehouse()
    await using container = createContainer<SQSEvent, SQSBatchResponse>({
      module,
      env: { ...quiet, WAREHOUSE_URL: shop.url },
    })
    const refused = orders.Records[3]!
    shop.refusing.add(JSON.parse(refused.body).orderId)
    // in event order: the bad message is record 2, the refused one record 3
    expect(failedIds(await container.invoke(orders))).toEqual([badMessageId, refused.messageId])

    shop.refusing.clear()
    expect(failedIds(await container.invoke({ Records: [refused] }))).toEqual([])
    expect(shop.received.filter((id) => id === JSON.parse(refused.body).orderId)).toHaveLength(1)
  })

  it('cuts a slow batch before the deadline: what finished is done, the rest is reported', async () => {
    vi.useFakeTimers()
    await using container = createContainer<SQSEvent, SQSBatchResponse>({
      module,
      env: { ...quiet, FULFILMENT_LATENCY_MS: '300' },
      timeoutMs: 1000,
    })
    await container.start() // INIT first (module loading is real I/O), then the invocation on the fake clock
    const pending = container.invoke(slowEvent as SQSEvent)
    await vi.advanceTimersByTimeAsync(1000)
    const response = await pending

    // 4 at a time, 300 ms each, stop at deadline − 500 ms: the first 4 finish, 4 are cut off in flight, 2 never start
    expect(failedIds(response)).toEqual(slowEvent.Records.slice(4).map((r) => r.messageId))
  })

  it('shares the idempotency records through DynamoDB when IDEMPOTENCY_TABLE is set', async () => {
    const { default: dynalite } = await import('dynalite')
    const dynamo = dynalite({ createTableMs: 0 })
    await new Promise<void>((resolve) => dynamo.listen(0, '127.0.0.1', resolve))
    const endpoint = `http://127.0.0.1:${(dynamo.address() as AddressInfo).port}`
    const credentials = { accessKeyId: 'local', secretAccessKey: 'local' }
    const client = new DynamoDBClient({ endpoint, region: 'us-east-1', credentials })
    try {
      await client.send(
        new CreateTableCommand({
          TableName: 'idempotency',
          AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
          KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
          BillingMode: 'PAY_PER_REQUEST',
        }),
      )
      await using shop = await warehouse()
      const env = {
        ...quiet,
        WAREHOUSE_URL: shop.url,
        IDEMPOTENCY_TABLE: 'idempotency',
        AWS_ENDPOINT_URL_DYNAMODB: endpoint,
        AWS_ACCESS_KEY_ID: 'local',
        AWS_SECRET_ACCESS_KEY: 'local',
      }
      // two containers: a memory store would not see the other's records, the table does
      {
        await using first = createContainer<SQSEvent, SQSBatchResponse>({ module, env })
        await first.invoke(orders)
      }
      await using second = createContainer<SQSEvent, SQSBatchResponse>({ module, env })
      expect(failedIds(await second.invoke(orders))).toEqual([badMessageId])

      expect(shop.received).toHaveLength(validOrderIds.length)
      const { Items = [] } = await client.send(new ScanCommand({ TableName: 'idempotency' }))
      expect(Items.map((item) => item.status?.S)).toEqual(validOrderIds.map(() => 'COMPLETED'))
    } finally {
      client.destroy()
      dynamo.closeAllConnections()
      await new Promise((resolve) => dynamo.close(resolve))
    }
  })

  it('runs under the local Lambda runtime: the redelivered batch is skipped record by record', async () => {
    await using runtime = await startRuntime({ handler: 'handler.ts#handler', cwd, timeoutMs: 5000 })
    const first = await runtime.invoke(orders)
    const second = await runtime.invoke(orders)
    const messages = (logs: readonly string[]) =>
      logs.map((line) => JSON.parse(line).msg as string | undefined)

    expect(failedIds(first.result as SQSBatchResponse)).toEqual([badMessageId])
    expect(failedIds(second.result as SQSBatchResponse)).toEqual([badMessageId])
    expect(messages(first.logs).filter((m) => m === 'order fulfilled')).toHaveLength(validOrderIds.length)
    expect(messages(second.logs).filter((m) => m === 'already fulfilled: skipped')).toHaveLength(
      validOrderIds.length,
    )
    expect(messages(second.logs)).not.toContain('order fulfilled')
  })
})
