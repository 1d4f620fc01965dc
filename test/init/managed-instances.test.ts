import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { type Runtime, startRuntime } from '@sluice/runtime'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { type Rendezvous, startRendezvous } from '../support/rendezvous.ts'
import { warmWorkers } from '../support/workers.ts'

// End to end on Lambda Managed Instances: one container of the local runtime, the real aws-lambda-ric with two
// worker threads and eight invocations in flight at once. Module scope runs once per worker, so once() and
// cached() load once per worker, however many invocations call them first at the same time.

const cwd = fileURLToPath(new URL('../..', import.meta.url))
const IN_FLIGHT = 8
const WORKERS = 2

let dir: string
let meeting: Rendezvous

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sluice-init-mi-'))
  meeting = await startRendezvous()
})
afterEach(async () => {
  await meeting.stop()
  rmSync(dir, { recursive: true, force: true })
})

const start = (handler: string, env: Record<string, string> = {}) =>
  startRuntime({
    handler: `test/fixtures/init/managed-instances.ts#${handler}`,
    cwd,
    timeoutMs: 20_000,
    concurrency: IN_FLIGHT,
    maxConcurrency: IN_FLIGHT,
    workers: WORKERS,
    env: { LOADS_FILE: join(dir, 'loads'), RENDEZVOUS_URL: meeting.url, ...env },
  })

/** The runs of one kind of loader (`once`, `cached`) the fixture wrote, as `<kind> <threadId> <attempt>`, sorted. */
const loads = (kind: string): string[] =>
  readFileSync(join(dir, 'loads'), 'utf8')
    .split('\n')
    .filter((line) => line.startsWith(`${kind} `))
    .sort()

/** Sends `IN_FLIGHT` invocations, waits until every one has called its source, then opens `gate`. */
async function round(runtime: Runtime, gate: string) {
  const before = meeting.count('called')
  const pending = Array.from({ length: IN_FLIGHT }, () => runtime.invoke({}))
  // All eight are in flight and have called the source while its loader waits at the gate.
  await meeting.reached('called', before + IN_FLIGHT)
  meeting.open(gate)
  return Promise.all(pending)
}

type Served = { threadId: number; value: { threadId: number; attempt: number } }

describe('@sluice/init under Managed Instances (real RIC, 2 workers, 8 invocations in flight)', () => {
  test('once(): eight concurrent first calls over two workers run the factory exactly twice, once per worker', async () => {
    await using runtime = await start('onceHandler')
    const threads = await warmWorkers(runtime, WORKERS)

    const results = await round(runtime, 'once-1')
    expect(results.map((r) => r.error)).toEqual(Array(IN_FLIGHT).fill(undefined))
    expect(new Set(results.map((r) => r.containerId)).size).toBe(1)
    const served = results.map((r) => r.result as Served)
    expect(new Set(served.map((s) => s.threadId))).toEqual(new Set(threads))
    // Each invocation got the instance of the worker it ran on, made by that worker's one factory run.
    for (const s of served) expect(s.value).toEqual({ threadId: s.threadId, attempt: 1 })
    expect(loads('once')).toEqual(threads.map((thread) => `once ${thread} 1`).sort())
  })

  test('cached(): the INIT prefetch runs once per worker and the concurrent first calls all wait for it', async () => {
    await using runtime = await start('cachedHandler')
    const threads = await warmWorkers(runtime, WORKERS)

    const results = await round(runtime, 'cached-1')
    expect(results.map((r) => r.error)).toEqual(Array(IN_FLIGHT).fill(undefined))
    const served = results.map((r) => r.result as Served)
    expect(new Set(served.map((s) => s.threadId))).toEqual(new Set(threads))
    for (const s of served) expect(s.value).toEqual({ threadId: s.threadId, attempt: 1 })
    expect(loads('cached')).toEqual(threads.map((thread) => `cached ${thread} 1`).sort())
  })

  test('once(): a failing factory fails every concurrent caller in its worker, is not kept, and the next round loads once per worker', async () => {
    await using runtime = await start('onceHandler', { FAIL_FIRST: '1' })
    const threads = await warmWorkers(runtime, WORKERS)

    const failed = await round(runtime, 'once-1')
    expect(failed.map((r) => r.error?.errorMessage)).toEqual(
      Array(IN_FLIGHT).fill(expect.stringContaining('connection refused (attempt 1')),
    )
    expect(loads('once')).toHaveLength(WORKERS)

    const retried = await round(runtime, 'once-2')
    expect(retried.map((r) => r.error)).toEqual(Array(IN_FLIGHT).fill(undefined))
    const served = retried.map((r) => r.result as Served)
    for (const s of served) expect(s.value).toEqual({ threadId: s.threadId, attempt: 2 })
    // Per worker: the failed attempt, then exactly one retry shared by that worker's concurrent callers.
    const retriedOn = [...new Set(served.map((s) => s.threadId))].sort((a, b) => a - b)
    expect(retriedOn).toEqual(threads)
    expect(loads('once')).toEqual(
      threads.flatMap((thread) => [`once ${thread} 1`, `once ${thread} 2`]).sort(),
    )
  })
})
