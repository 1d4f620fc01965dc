import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'
import { sqsSchema } from '@sluice/events'
import { sqsSource, startRuntime } from '@sluice/runtime'
import { describe, expect, it } from 'vitest'
import {
  boundedDynamoDb,
  createTable,
  startDynalite,
} from '../../packages/idempotency/test-support/servers.ts'

const cwd = fileURLToPath(new URL('../../examples/sqs-orders', import.meta.url))

/** A warehouse API on 127.0.0.1 that counts fulfilment POSTs per order id. */
async function warehouse() {
  const posts = new Map<string, number>()
  const server = createServer(async (request, response) => {
    let body = ''
    for await (const chunk of request) body += chunk
    const { orderId } = JSON.parse(body) as { orderId: string }
    posts.set(orderId, (posts.get(orderId) ?? 0) + 1)
    response
      .writeHead(201, { 'content-type': 'application/json' })
      .end(JSON.stringify({ confirmation: `wh-${orderId}` }))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    posts,
    [Symbol.asyncDispose]: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

const order = (i: number) => ({
  orderId: `ord-e2e-${i}`,
  customerId: `c-${i % 17}`,
  items: [{ sku: 'TEA-GREEN-100', quantity: 1 + (i % 3) }],
  totalCents: 1200 + i,
  placedAt: '2026-12-07T09:00:00.000Z',
})

describe('sqs-orders through the SQS source', () => {
  it('parks each poison message in the DLQ after 3 receives and fulfils every other order exactly once', async () => {
    const dynamo = await startDynalite()
    const client = boundedDynamoDb(dynamo.port)
    try {
      await createTable(client, 'idempotency')
      await using shop = await warehouse()
      await using runtime = await startRuntime({
        handler: 'handler.ts#handler',
        cwd,
        timeoutMs: 10_000,
        concurrency: 3,
        env: {
          LOG_LEVEL: 'silent',
          POWERTOOLS_TRACE_ENABLED: 'false',
          WAREHOUSE_URL: shop.url,
          IDEMPOTENCY_TABLE: 'idempotency',
          AWS_ENDPOINT_URL_DYNAMODB: `http://127.0.0.1:${dynamo.port}`,
          AWS_ACCESS_KEY_ID: 'local',
          AWS_SECRET_ACCESS_KEY: 'local',
        },
      })
      // three warm containers first: a cold start is real time, and must not outlast the scaled visibility timeout
      await Promise.all([1, 2, 3].map(() => runtime.invoke({ Records: [] })))
      const events: unknown[] = []
      await using orders = sqsSource({
        function: { invoke: (event, options) => runtime.invoke(events.push(event) && event, options) },
        name: 'orders',
        maxReceiveCount: 3,
        functionResponseTypes: ['ReportBatchItemFailures'],
        duplicateDelivery: 0.2,
        seed: 21,
        maximumConcurrency: 3,
        // 900 Lambda seconds of visibility are 4.5 real seconds: longer than any batch here takes, even on a busy machine
        visibilityTimeout: 900,
        timeScale: 200,
      })
      const bodies = Array.from({ length: 200 }, (_, i) =>
        i % 10 === 7 ? { orderId: `poison-${i}` } : order(i),
      )
      const ids = await orders.send(bodies.map((body) => ({ body })))
      await orders.quiet({ timeoutMs: 90_000 })

      const poison = new Set(ids.filter((_, i) => i % 10 === 7))
      const dlq = orders.outputs().dlq
      expect(dlq).toHaveLength(20)
      expect(new Set(dlq.map((letter) => letter.messageId))).toEqual(poison)
      expect(dlq.map((letter) => letter.receiveCount)).toEqual(dlq.map(() => 3))
      for (const fate of orders.fates())
        expect([fate.state, fate.receiveCount >= 1]).toEqual([
          poison.has(fate.id) ? 'dlq' : 'processed',
          true,
        ])

      const valid = bodies.flatMap((body) => ('customerId' in body ? [body.orderId] : []))
      expect(shop.posts.size).toBe(180)
      for (const orderId of valid) expect(shop.posts.get(orderId)).toBe(1)
      // at-least-once was exercised: some messages reached the function twice, in different batches
      const duplicates = orders
        .fates()
        .flatMap((fate) => fate.steps.filter((step) => step.reason?.startsWith('duplicate delivery')))
      expect(duplicates.length).toBeGreaterThan(0)
      expect(runtime.containers.length).toBeGreaterThan(1)
      for (const event of events) expect(() => sqsSchema.parse(event)).not.toThrow()
    } finally {
      client.destroy()
      await dynamo.stop()
    }
  }, 120_000)
})
