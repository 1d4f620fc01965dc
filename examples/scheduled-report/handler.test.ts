import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'
import { startRuntime } from '@sluice/runtime'
import { createContainer } from '@sluice/testing'
import type { ScheduledEvent } from 'aws-lambda'
import { afterEach, describe, expect, it, vi } from 'vitest'
import event from './event.json' with { type: 'json' }
import type { Report, Sale } from './report.ts'
import sales from './sales.json' with { type: 'json' }

const cwd = fileURLToPath(new URL('.', import.meta.url))
const module = new URL('./handler.ts', import.meta.url)
const configFile = fileURLToPath(new URL('./report-config.json', import.meta.url))
const scheduled = event as ScheduledEvent

/** A stand-in for the AppConfig agent: serves the config it holds now and counts requests. */
async function configServer(initial: object) {
  let body = initial
  let requests = 0
  const server: Server = createServer((_, response) => {
    requests += 1
    response.setHeader('content-type', 'application/json').end(JSON.stringify(body))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/applications/reports/environments/prod/configurations/report`,
    get requests() {
      return requests
    },
    set: (next: object) => {
      body = next
    },
    [Symbol.asyncDispose]: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

const baseConfig = {
  version: 'v1',
  title: 'Daily sales (EUR)',
  windowHours: 24,
  currency: 'EUR',
  refundAlertRate: 0.1,
}

afterEach(() => {
  vi.useRealTimers()
})

describe('scheduled-report', () => {
  it('reports the sales of the window ending at the schedule time, in the configured currency', async () => {
    await using container = createContainer<ScheduledEvent, Report>({
      module,
      env: { CONFIG_FILE: configFile, LOG_LEVEL: 'silent' },
    })
    const report = await container.invoke(scheduled)

    const to = Date.parse(scheduled.time)
    const expected = (sales as Sale[]).filter(
      (sale) =>
        sale.currency === 'EUR' && Date.parse(sale.at) >= to - 24 * 3_600_000 && Date.parse(sale.at) < to,
    )
    expect(report.orders).toBe(expected.length)
    expect(report.orders).toBeGreaterThan(0)
    expect(report.revenueCents).toBe(expected.filter((s) => !s.refunded).reduce((sum, s) => sum + s.cents, 0))
    expect(report.to).toBe(new Date(to).toISOString())
    expect(report.alert).toBe(report.refundRate > 0.1)
  })

  it('fetches the config once at INIT, serves it warm, and refreshes it behind a call once the TTL passed', async () => {
    vi.useFakeTimers({ toFake: ['performance'] })
    await using server = await configServer(baseConfig)
    await using container = createContainer<ScheduledEvent, Report>({
      module,
      env: { CONFIG_URL: server.url, CONFIG_TTL_MS: '60000', LOG_LEVEL: 'silent' },
    })
    expect((await container.invoke(scheduled)).configVersion).toBe('v1')
    await container.invoke(scheduled)
    expect(server.requests).toBe(1)

    server.set({ ...baseConfig, version: 'v2' })
    vi.advanceTimersByTime(60_001)
    // background refresh: this call still gets v1 while one fetch runs behind it
    expect((await container.invoke(scheduled)).configVersion).toBe('v1')
    await vi.waitFor(() => expect(server.requests).toBe(2))
    expect((await container.invoke(scheduled)).configVersion).toBe('v2')
    expect(server.requests).toBe(2)
  })

  it('fails the invocation when the config does not validate, naming the code', async () => {
    await using server = await configServer({ ...baseConfig, windowHours: 0 })
    await using container = createContainer<ScheduledEvent, Report>({
      module,
      env: { CONFIG_URL: server.url, LOG_LEVEL: 'silent' },
    })
    const outcome = await container.invokeResult(scheduled)

    expect(outcome.ok).toBe(false)
    expect(outcome.ok ? undefined : outcome.error.errorMessage).toMatch(/report config/)
  })

  it('rejects an event that is not a scheduled event before fetching anything for it', async () => {
    await using container = createContainer<unknown, Report>({
      module,
      env: { CONFIG_FILE: configFile, LOG_LEVEL: 'silent' },
    })
    const outcome = await container.invokeResult({ ...scheduled, 'detail-type': 'Object Created' })

    expect(outcome.ok ? undefined : outcome.error.errorType).toBe('ParseError')
  })

  it('runs under the local Lambda runtime: one config fetch at INIT, logged with the report', async () => {
    await using runtime = await startRuntime({
      handler: 'handler.ts#handler',
      cwd,
      env: { CONFIG_FILE: 'report-config.json' },
      timeoutMs: 5000,
    })
    const cold = await runtime.invoke(scheduled)
    const warm = await runtime.invoke(scheduled)

    expect(cold.coldStart).toBe(true)
    expect(warm.coldStart).toBe(false)
    const line = (logs: readonly string[]) => JSON.parse(logs.find((l) => l.includes('report ready')) ?? '{}')
    const [first, second] = [line(cold.logs), line(warm.logs)]
    expect(first.report).toEqual(cold.result)
    expect(first.config.lastFetch.phase).toBe('init')
    // the warm call reused the INIT fetch: same timing record
    expect(second.config.lastFetch).toEqual(first.config.lastFetch)
    expect(second.correlationId).toBe(scheduled.id)
  })
})
