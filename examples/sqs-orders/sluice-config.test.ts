import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { type DevLine, type InvocationResult, loadConfig, startDev } from '@sluice/runtime'
import { describe, expect, it } from 'vitest'

const dir = fileURLToPath(new URL('.', import.meta.url))

const order = (i: number) => ({
  orderId: `ord-dev-${i}`,
  customerId: `c-${i % 7}`,
  items: [{ sku: 'TEA-GREEN-100', quantity: 1 + (i % 3) }],
  totalCents: 990 + i,
  placedAt: '2026-12-07T09:00:00.000Z',
})
/** What each invocation logged as fulfilled, by order id. */
const fulfilled = (results: readonly InvocationResult[]) =>
  results
    .flatMap((result) => result.logs)
    .filter((line) => line.includes('"msg":"order fulfilled"'))
    .map((line) => JSON.parse(line).orderId)

describe('sqs-orders through its sluice.config.ts', () => {
  it('parks the poison message in the DLQ after maxReceiveCount receives and fulfils every other order once', async () => {
    const { config, dir: cwd } = await loadConfig('sluice.config.ts', dir)
    const results: InvocationResult[] = []
    const onLine = (line: DevLine) => {
      if (line.kind === 'invocation') results.push(line.result)
    }
    // 180 s of visibility are 1.8 real seconds at 100×: longer than a warm batch, even on a busy machine
    await using dev = await startDev(config, { cwd, timeScale: 100, port: 0, watch: false, onLine })
    const orders = dev.sources.get('orders')
    if (orders === undefined) throw new Error('the config has no orders queue')
    // a cold start is real time, which the time scale does not shorten: warm the container first
    await dev.functions.get('orders')?.invoke({ Records: [] })

    const demo = JSON.parse(await readFile(new URL('poison-messages.json', import.meta.url), 'utf8'))
    const more = Array.from({ length: 30 }, (_, i) =>
      i === 17 ? { body: { orderId: 'ord-x' } } : { body: order(i) },
    )
    const ids = await orders.send([...demo, ...more])
    await orders.quiet({ timeoutMs: 60_000 })

    const poison = new Set([ids[2], ids[demo.length + 17]])
    const maxReceiveCount = config.queues?.orders?.maxReceiveCount
    expect(maxReceiveCount).toBe(3)
    const dlq = orders.outputs().dlq
    expect(dlq).toHaveLength(poison.size)
    for (const messageId of poison)
      expect(dlq).toContainEqual(expect.objectContaining({ messageId, receiveCount: maxReceiveCount }))
    for (const fate of orders.fates())
      expect([fate.id, fate.state, fate.receiveCount]).toEqual(
        poison.has(fate.id) ? [fate.id, 'dlq', 3] : [fate.id, 'processed', 1],
      )
    const valid = [...demo, ...more]
      .map((message) => message.body)
      .filter((body) => 'customerId' in body && body.items.length > 0)
      .map((body) => body.orderId)
    expect(fulfilled(results).sort()).toEqual(valid.sort())
  }, 120_000)
})
