import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { Worker } from 'node:worker_threads'
import { afterEach, describe, expect, it } from 'vitest'
import type { WorkerReply, WorkerRequest } from '../fixtures/tmp/scratch-worker.ts'

// Lambda Managed Instances run the handler in several worker threads of one process, all on one /tmp; module
// state (tmp()'s bookkeeping included) is per thread. These workers share a root on the real filesystem.

const fixture = new URL('../fixtures/tmp/scratch-worker.ts', import.meta.url)
const workers: Worker[] = []
const roots: string[] = []
afterEach(async () => {
  await Promise.all(workers.splice(0).map((worker) => worker.terminate()))
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true })
})

type Done = Extract<WorkerReply, { event: 'done' }>

/** A worker thread running the fixture on `root`, and the test's side of its messages. */
function startWorker(root: string) {
  const worker = new Worker(fixture, { workerData: { root } })
  workers.push(worker)
  let nextId = 1
  const waiting = new Map<string, (reply: WorkerReply) => void>()
  const failed = new Promise<never>((_resolve, reject) => worker.once('error', reject))
  // Raced by every reply below; a worker the test terminates on purpose has nobody waiting.
  failed.catch(() => {})
  worker.on('message', (reply: WorkerReply) => waiting.get(`${reply.id}/${reply.event}`)?.(reply))
  const expect = <TReply extends WorkerReply>(id: number, event: TReply['event']) =>
    Promise.race([failed, new Promise<TReply>((resolve) => waiting.set(`${id}/${event}`, resolve as never))])
  const send = (request: WorkerRequest) => worker.postMessage(request)
  return {
    worker,
    /** Runs one invocation to its end. */
    run(kind: 'churn' | 'refuse'): Promise<Done> {
      const id = nextId++
      send({ id, kind })
      return expect<Done>(id, 'done')
    },
    /** Starts an invocation that holds its scratch; resolves once the scratch is written. */
    async hold(timeoutMs = 60_000) {
      const id = nextId++
      const ended = expect<Done>(id, 'done')
      ended.catch(() => {})
      send({ id, kind: 'hold', timeoutMs })
      const { dir } = await expect<Extract<WorkerReply, { event: 'holding' }>>(id, 'holding')
      return {
        dir,
        release(): Promise<Done> {
          send({ id, kind: 'release' })
          return ended
        },
      }
    },
  }
}

const makeRoot = () => {
  const root = mkdtempSync(join(tmpdir(), 'sluice-tmp-workers-'))
  roots.push(root)
  return root
}

describe('tmp() in worker threads sharing one root', () => {
  it("never removes or flags another worker's scratch in flight: first invocations, sweeps, strays, the budget", async () => {
    const root = makeRoot()
    const a = startWorker(root)
    const b = startWorker(root)
    const held = [await a.hold(), await a.hold()]
    for (const { dir } of held) expect(readFileSync(join(dir, 'customer.json'), 'utf8')).toMatch(/^secret of/)

    // Worker b's first invocation sweeps the root for leftovers; each one forces the stale sweep and deletes
    // strays; the last one is the first of another tmp(), which sweeps, then refuses with TMP_NO_SPACE.
    const results: Done[] = []
    for (let n = 0; n < 3; n++) {
      writeFileSync(join(root, `another-library-${n}.tmp`), 'stale once space is low')
      results.push(await b.run('churn'))
    }
    results.push(await b.run('refuse'))
    expect(results.at(-1)?.errorCode).toBe('TMP_NO_SPACE')
    expect(b.worker.threadId).not.toBe(a.worker.threadId)
    expect(results.map((result) => result.threadId)).toEqual(results.map(() => b.worker.threadId))

    for (const { dir } of held) expect(existsSync(join(dir, 'customer.json'))).toBe(true)
    const ended = await Promise.all(held.map((hold) => hold.release()))
    expect(ended.map((end) => end.survived)).toEqual([true, true])

    const warned = results.flatMap((result) => result.warnings)
    const touched = warned.flatMap((warning) => warning.paths)
    for (const { dir } of held) expect(touched).not.toContain(dir)
    // The sweeps ran while a's invocations were in flight.
    expect(new Set(warned.map((warning) => warning.code))).toEqual(
      new Set(['TMP_STALE_SWEPT', 'TMP_STRAYS_DELETED']),
    )
    expect(readdirSync(root)).toEqual([])
  })

  it("a dead worker's scratch is swept by another worker once its invocation's deadline has passed", async () => {
    const root = makeRoot()
    const dying = startWorker(root)
    const survivor = startWorker(root)
    const { dir } = await dying.hold(200)
    await dying.worker.terminate()
    // The deadline is in the name: `<prefix>-<pid>-<start>-<thread>-<deadline>-<hex>`.
    const deadline = Number(basename(dir).split('-').at(-2))
    expect(deadline).toBeGreaterThan(0)
    while (Date.now() <= deadline) await new Promise((resolve) => setTimeout(resolve, 20))

    const swept = await survivor.run('churn')
    expect(existsSync(dir)).toBe(false)
    expect(swept.warnings.flatMap((warning) => warning.paths)).toContain(dir)
    expect(readdirSync(root)).toEqual([])
  })
})
