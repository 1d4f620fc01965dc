import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { SluiceRuntimeError } from '../errors.ts'
import type { Fate } from '../event-sources/source-types.ts'
import type { DevConfig } from './dev-config.ts'
import type { DevLine } from './dev-line.ts'
import { loadConfig } from './load-config.ts'
import { type DevServer, startDev } from './start-dev.ts'

const fixtures = fileURLToPath(new URL('../../../../test/fixtures/dev/', import.meta.url))
// orders.mjs reading queue `orders` (maxReceiveCount 2, a visibility timeout of 3 real seconds at 200×), loaded
// as `sluice dev` loads it: the TypeScript file imported with its types stripped.
const { config: fixture } = await loadConfig(join(fixtures, 'sluice.config.ts'), tmpdir())
const config: DevConfig = { ...fixture, timeScale: 200 }

let dir: string
let dev: DevServer | undefined
let lines: DevLine[]
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sluice-dev-'))
  copyFileSync(join(fixtures, 'orders.mjs'), join(dir, 'orders.mjs'))
  for (const file of ['api.mjs', 'accept.mjs']) copyFileSync(join(fixtures, file), join(dir, file))
  lines = []
})
afterEach(async () => {
  await dev?.stop()
  dev = undefined
  rmSync(dir, { recursive: true, force: true })
})

const onLine = (line: DevLine) => lines.push(line)
const post = (url: string, body: string) => fetch(url, { method: 'POST', body })
const logsOf = (found: readonly DevLine[]) =>
  found.flatMap((line) => (line.kind === 'invocation' ? line.result.logs.join('\n') : []))

async function until(check: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const end = Date.now() + timeoutMs
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
}

describe('startDev', () => {
  it('feeds the queue to the function, reports every invocation and fate, and serves the control endpoint', async () => {
    dev = await startDev(config, {
      cwd: dir,
      onLine,
      watch: false,
      stateFile: join(dir, '.sluice', 'dev.json'),
    })
    const state = JSON.parse(readFileSync(join(dir, '.sluice', 'dev.json'), 'utf8'))
    expect(state).toMatchObject({ url: dev.control.url, pid: process.pid, sources: ['orders'] })
    expect(dev.timeScale).toBe(200)
    const base = `${dev.control.url}/sources/orders`
    const sent = await post(`${base}/messages`, JSON.stringify([{ body: { id: 'o-1' } }, 'poison']))
    expect(sent.status).toBe(202)
    const { ids } = (await sent.json()) as { ids: string[] }
    expect(ids).toHaveLength(2)
    const refused = await post(`${base}/messages`, JSON.stringify({ nope: 1 }))
    expect(refused.status).toBe(400)
    expect(await refused.json()).toMatchObject({ code: expect.stringMatching(/^EVENT_SOURCE_/) })
    expect((await post(`${base}/messages`, '{not json')).status).toBe(400)
    expect((await post(`${dev.control.url}/sources/nope/messages`, '{}')).status).toBe(404)

    await dev.sources.get('orders')?.quiet({ timeoutMs: 60_000 })
    const fates = (await (await fetch(`${base}/fates`)).json()) as Fate[]
    expect(fates.map((fate) => [fate.id, fate.state, fate.receiveCount])).toEqual([
      [ids[0], 'processed', 1],
      [ids[1], 'dlq', 2],
    ])
    expect(await (await fetch(`${base}/outputs`)).json()).toMatchObject({
      dlq: [{ messageId: ids[1], receiveCount: 2 }],
    })
    expect(await (await fetch(`${dev.control.url}/sources`)).json()).toEqual({
      sources: [{ name: 'orders', kind: 'sqs' }],
    })

    expect(logsOf(lines).every((logs) => logs.includes('orders v1'))).toBe(true)
    expect(lines.filter((line) => line.kind === 'invocation').length).toBeGreaterThanOrEqual(2)
    const activities = lines.flatMap((line) => (line.kind === 'activity' ? [line.activity] : []))
    expect(activities.some((activity) => activity.kind === 'batch' && activity.outcome === 'partial')).toBe(
      true,
    )
    expect(activities).toContainEqual(
      expect.objectContaining({ kind: 'fate', step: expect.objectContaining({ state: 'dlq' }) }),
    )

    const runtime = dev.functions.get('orders')?.runtime
    const pids = runtime?.containers.flatMap((container) => container.pid ?? []) ?? []
    expect(pids.length).toBeGreaterThan(0)
    await dev.stop()
    expect(() => readFileSync(join(dir, '.sluice', 'dev.json'))).toThrow()
    expect(runtime?.containers).toEqual([])
    await expect(fetch(`${dev.control.url}/sources`)).rejects.toThrow()
  }, 90_000)

  it('reloads a function when its file changes: the next invocation runs the new code', async () => {
    dev = await startDev(config, { cwd: dir, onLine })
    const orders = dev.sources.get('orders')
    const first = dev.functions.get('orders')?.runtime
    await orders?.send({ body: 'before' })
    await orders?.quiet({ timeoutMs: 60_000 })
    expect(logsOf(lines).join('\n')).toContain('orders v1')
    const file = join(dir, 'orders.mjs')
    writeFileSync(file, readFileSync(file, 'utf8').replace('orders v1', 'orders v2'))
    await until(() => lines.some((line) => line.kind === 'reload'), 'the reload line')
    expect(lines.find((line) => line.kind === 'reload')).toEqual({
      kind: 'reload',
      function: 'orders',
      files: ['orders.mjs'],
    })
    const before = lines.length
    await orders?.send({ body: 'after' })
    await orders?.quiet({ timeoutMs: 60_000 })
    expect(logsOf(lines.slice(before))).toEqual([expect.stringContaining('orders v2')])
    expect(dev.functions.get('orders')?.runtime).not.toBe(first)
    await until(() => first?.containers.length === 0, 'the old runtime to stop')
  }, 90_000)

  it('starts the HTTP front door for http events and reports each request', async () => {
    const http: DevConfig = {
      functions: {
        api: {
          handler: 'api.mjs#handler',
          events: [{ http: { type: 'http-api', method: 'GET', path: '/hello' } }],
        },
      },
    }
    dev = await startDev(http, { cwd: dir, onLine, watch: false, port: 0 })
    const response = await fetch(`${dev.http?.url}/hello?x=1`)
    expect(await response.text()).toBe('GET /hello')
    await until(() => lines.some((line) => line.kind === 'request'), 'the request line')
    expect(lines.find((line) => line.kind === 'request')).toMatchObject({
      request: { status: 200, routeKey: 'GET /hello' },
    })
  }, 60_000)

  it('names each source as sluice send takes it: streams by name, S3 and async by function, all fed', async () => {
    const many: DevConfig = {
      functions: {
        metrics: { handler: 'accept.mjs', events: [{ kinesis: { stream: 'metrics', batchSize: 5 } }] },
        uploads: {
          handler: 'accept.mjs',
          events: [{ s3: { bucket: 'uploads' } }, { s3: { bucket: 'archive' } }],
          async: { maximumRetryAttempts: 0 },
        },
      },
      streams: { metrics: { kind: 'kinesis', shards: 2 } },
    }
    dev = await startDev(many, { cwd: dir, onLine, watch: false, timeScale: 100 })
    expect([...dev.sources].map(([name, source]) => [name, source.kind])).toEqual([
      ['metrics', 'kinesis'],
      ['uploads:s3', 's3'],
      ['uploads:s3-2', 's3'],
      ['uploads:async', 'async'],
    ])
    await dev.sources.get('metrics')?.send({ partitionKey: 'a', data: { n: 1 } })
    await dev.sources.get('uploads:s3-2')?.send({ key: 'in/a.csv' })
    await dev.sources.get('uploads:async')?.send({ hello: 'world' })
    for (const source of dev.sources.values()) await source.quiet({ timeoutMs: 60_000 })
    const ended = [...dev.sources.values()].flatMap((source) => source.fates().map((fate) => fate.state))
    expect(ended).toEqual(['processed', 'processed', 'processed'])
  }, 90_000)

  it('uses the factories it is given, with the config options, name, target and time scale', async () => {
    const seen: unknown[] = []
    const factories = {
      sqs: (options: Record<string, unknown>) => {
        seen.push(options)
        throw new SluiceRuntimeError('EVENT_SOURCE_INVALID_OPTION', 'sqs batchSize must be an integer')
      },
    }
    const error = await startDev(config, { cwd: dir, watch: false, factories, timeScale: 50 }).catch(
      (e: unknown) => e,
    )
    expect(error).toMatchObject({
      code: 'EVENT_SOURCE_INVALID_OPTION',
      message: 'functions.orders.events[0].sqs: sqs batchSize must be an integer',
    })
    expect(seen).toEqual([
      expect.objectContaining({
        name: 'orders',
        timeScale: 50,
        maxReceiveCount: 2,
        visibilityTimeout: 600,
        function: expect.anything(),
      }),
    ])
  })

  it('names the function whose runtime does not start, and the route the front door refuses', async () => {
    const missing: DevConfig = { functions: { orders: { handler: 'missing.mjs#handler' } } }
    await expect(startDev(missing, { cwd: dir, watch: false })).rejects.toMatchObject({
      code: 'DEV_CONFIG_INVALID',
      message: expect.stringMatching(/^functions\.orders: cannot find handler file missing\.mjs/),
    })
    const badRoute: DevConfig = {
      functions: { api: { handler: 'api.mjs', events: [{ http: { type: 'soap', path: '/' } }] } },
    }
    await expect(startDev(badRoute, { cwd: dir, watch: false, port: 0 })).rejects.toMatchObject({
      code: 'HTTP_ROUTE_INVALID',
      message: expect.stringMatching(/^functions\.api\.events\[0\]\.http/),
    })
  })
})
