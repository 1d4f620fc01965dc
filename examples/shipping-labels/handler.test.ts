import { fileURLToPath } from 'node:url'
import { startRuntime } from '@sluice/runtime'
import { describe, expect, it } from 'vitest'

const cwd = fileURLToPath(new URL('.', import.meta.url))

interface Label {
  readonly orderId: string
  readonly tracking: string
  readonly worker: number
  readonly requestId: string
  readonly coldStart: boolean
}

describe('shipping labels on Managed Instances, through the local Lambda runtime', () => {
  it('prints eight labels at once in one environment, each logged under its own request id', async () => {
    await using runtime = await startRuntime({
      handler: 'handler.ts#handler',
      cwd,
      concurrency: 8,
      maxConcurrency: 8,
      workers: 2,
      timeoutMs: 10_000,
    })
    const orders = Array.from({ length: 8 }, (_, index) => `ord-${index}`)
    const results = await Promise.all(orders.map((orderId) => runtime.invoke({ orderId })))

    expect(results.map((result) => result.error)).toEqual(orders.map(() => undefined))
    expect(runtime.containers).toHaveLength(1)
    expect(runtime.containers[0]?.peakConcurrency).toBeGreaterThan(1)
    for (const [index, result] of results.entries()) {
      const label = result.result as Label
      expect(label).toMatchObject({
        orderId: orders[index],
        tracking: `1ZORD${index}`,
        requestId: result.requestId,
      })
      // Both the middleware's child and the module-scope logger in carrier.ts write under this request id only.
      const lines = result.logs.filter((line) => line.startsWith('{')).map((line) => JSON.parse(line))
      const booked = lines.find((line) => line.msg === 'carrier booked the parcel')
      expect(booked).toMatchObject({ requestId: result.requestId, orderId: orders[index] })
      expect(lines.find((line) => line.msg === 'label printed')).toMatchObject({
        requestId: result.requestId,
      })
    }
  })
})
