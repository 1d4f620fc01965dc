import { fileURLToPath } from 'node:url'
import { type Runtime, startRuntime } from '@sluice/runtime'
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import { type FakeAws, fakeCredentials, startFakeAws } from '../../packages/init/test-support/aws-server.ts'

// End to end: the handler runs in a child process under the real aws-lambda-ric; its SSM calls reach a local
// SSM speaking the service's JSON protocol.

let aws: FakeAws
const runtimes: Runtime[] = []

const start = async (concurrency: number) => {
  const runtime = await startRuntime({
    handler: 'test/fixtures/init/handler.ts#handler',
    cwd: fileURLToPath(new URL('../../', import.meta.url)),
    timeoutMs: 10_000,
    concurrency,
    env: {
      AWS_ENDPOINT_URL_SSM: aws.endpoint,
      AWS_ACCESS_KEY_ID: fakeCredentials.accessKeyId,
      AWS_SECRET_ACCESS_KEY: fakeCredentials.secretAccessKey,
    },
  })
  runtimes.push(runtime)
  return runtime
}

beforeAll(async () => {
  aws = await startFakeAws()
  aws.parameters.set('/orders/table', { Value: 'orders-prod', Type: 'String' })
  aws.parameters.set('/orders/limit', { Value: '25', Type: 'String' })
})
beforeEach(() => {
  aws.requests.length = 0
})
afterAll(async () => {
  for (const runtime of runtimes) await runtime.stop()
  await aws?.close()
})

describe('@sluice/init under @sluice/runtime', () => {
  test('the init work runs once per container across warm invocations', async () => {
    const runtime = await start(1)
    const results = []
    for (let i = 0; i < 3; i++) results.push(await runtime.invoke({}))
    for (const result of results) expect(result.error).toBeUndefined()
    const bodies = results.map((r) => r.result as Record<string, unknown>)

    expect(results.map((r) => r.coldStart)).toEqual([true, false, false])
    expect(new Set(results.map((r) => r.containerId)).size).toBe(1)
    expect(bodies.map((b) => b.invocation)).toEqual([1, 2, 3])
    expect(new Set(bodies.map((b) => JSON.stringify(b.client))).size).toBe(1)
    expect(bodies[0]?.config).toEqual({ '/orders/table': 'orders-prod', '/orders/limit': '25' })
    expect(bodies[0]?.fetchPhase).toBe('init')
    expect(bodies[0]?.initMs).toBeGreaterThan(0)

    const logs = results.flatMap((r) => r.logs)
    expect(logs.filter((line) => line.includes('init: module scope ran'))).toHaveLength(1)
    expect(logs.filter((line) => line.includes('init: client factory ran'))).toHaveLength(1)
    expect(aws.requests.map((r) => r.target)).toEqual(['AmazonSSM.GetParameters'])
  })

  test('two containers each run the init work once, however many warm invocations follow', async () => {
    const runtime = await start(2)
    const cold = await Promise.all([runtime.invoke({}), runtime.invoke({})])
    const warm = await Promise.all([runtime.invoke({}), runtime.invoke({})])
    const all = [...cold, ...warm]
    for (const result of all) expect(result.error).toBeUndefined()
    const containers = new Set(all.map((r) => r.containerId))
    expect(containers.size).toBe(2)
    for (const id of containers) {
      const mine = all.filter((r) => r.containerId === id)
      const clients = new Set(mine.map((r) => JSON.stringify((r.result as { client: unknown }).client)))
      expect(clients.size).toBe(1)
      const logs = mine.flatMap((r) => r.logs)
      expect(logs.filter((line) => line.includes('init: client factory ran'))).toHaveLength(1)
    }
    expect(aws.requests).toHaveLength(2)
  })
})
