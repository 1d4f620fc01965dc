import { fileURLToPath } from 'node:url'
import { type Runtime, startRuntime } from '@sluice/runtime'
import { Redis } from 'ioredis'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startRedis, type TestServer } from '../../packages/idempotency/test-support/servers.ts'

const handlerPath = fileURLToPath(new URL('../fixtures/idempotency/charge.ts', import.meta.url))

describe('@sluice/idempotency end to end: containers of the local Lambda runtime sharing one Redis', () => {
  let redisServer: TestServer
  let redis: Redis
  let runtime: Runtime
  let port: number

  beforeAll(async () => {
    redisServer = await startRedis()
    port = redisServer.port
    redis = new Redis({ port, host: '127.0.0.1' })
    runtime = await startRuntime({
      handler: `${handlerPath}#handler`,
      timeoutMs: 1_000,
      concurrency: 3,
      env: { REDIS_PORT: String(port) },
    })
    // Three warm containers first, so the overlap below is not spread out by cold starts of different lengths.
    await Promise.all(
      ['warm-1', 'warm-2', 'warm-3'].map((orderId) => runtime.invoke({ orderId, holdMs: 200 })),
    )
  })

  afterAll(async () => {
    await runtime?.stop()
    redis?.disconnect()
    await redisServer?.stop()
  })

  test('three overlapping deliveries on three containers: one runs, two are refused, a later one gets the stored result', async () => {
    const charge = { orderId: 'order-overlap', holdMs: 300 }
    const outcomes = await Promise.all([
      runtime.invoke(charge),
      runtime.invoke(charge),
      runtime.invoke(charge),
    ])
    expect(new Set(outcomes.map((outcome) => outcome.containerId)).size).toBe(3)
    const done = outcomes.filter((outcome) => outcome.error === undefined)
    const refused = outcomes.filter((outcome) => outcome.error !== undefined)
    expect(done).toHaveLength(1)
    expect(refused.map((outcome) => outcome.error?.errorType)).toEqual([
      'IdempotencyError',
      'IdempotencyError',
    ])
    expect(refused[0]?.error?.errorMessage).toContain('still being processed')

    const later = await runtime.invoke({ orderId: 'order-overlap' })
    expect(later.result).toEqual(done[0]?.result)
    expect(await redis.get('runs:order-overlap')).toBe('1')
  })

  test('a delivery that timed out holds the key only until its deadline: the retry after it runs', async () => {
    const first = await runtime.invoke({ orderId: 'order-timeout', holdMs: 5_000 })
    expect(first.error?.errorType).toBe('Sandbox.Timedout')
    const retry = await runtime.invoke({ orderId: 'order-timeout' })
    expect(retry.error).toBeUndefined()
    expect(retry.result).toMatchObject({ orderId: 'order-timeout', run: 2 })
  })
})
