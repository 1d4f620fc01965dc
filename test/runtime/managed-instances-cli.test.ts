import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { runSluice } from './process-helpers.ts'

const root = fileURLToPath(new URL('../..', import.meta.url))

interface JsonInvocation {
  readonly requestId: string
  readonly containerId: string
  readonly error?: unknown
  readonly result: {
    readonly threadId: number
    readonly workers: string
    readonly startedAt: number
    readonly endedAt: number
  }
}

// Issue 14's acceptance: eight 300 ms invocations in one environment run at once, not one after another.
describe.each([
  { label: 'the default single worker', extra: [] as string[], threads: 1 },
  { label: '--workers 2', extra: ['--workers', '2'], threads: 2 },
])('sluice invoke --max-concurrency 8 with $label', ({ extra, threads }) => {
  it('runs 8 invocations at once in one container', async () => {
    const args = ['invoke', 'test/fixtures/runtime/sleep.mjs#handler', '--count', '8', '--concurrency', '8']
    const run = await runSluice([...args, '--max-concurrency', '8', ...extra, '--json'], root)
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    const doc = JSON.parse(run.stdout)
    const invocations: JsonInvocation[] = doc.invocations
    expect(invocations).toHaveLength(8)
    expect(invocations.filter((invocation) => invocation.error !== undefined)).toEqual([])
    expect(new Set(invocations.map((invocation) => invocation.requestId)).size).toBe(8)
    expect(new Set(invocations.map((invocation) => invocation.containerId)).size).toBe(1)
    // Which worker thread takes which event is the RIC's business: only the worker count is ours to set.
    expect(new Set(invocations.map((invocation) => invocation.result.workers))).toEqual(
      new Set([String(threads)]),
    )
    expect(new Set(invocations.map((invocation) => invocation.result.threadId)).size).toBeLessThanOrEqual(
      threads,
    )
    expect(doc.summary.containers).toBe(1)
    expect(Object.values(doc.summary.peakConcurrency)).toEqual([8])
    expect(doc.config).toMatchObject({ maxConcurrency: 8, workers: threads })
    // The wall time of the eight, from the first handler's start to the last one's end (the handlers' own clock:
    // process start and INIT are the machine's business): serial would take at least 8 × 300 ms, and every one
    // started before any ended.
    const results = invocations.map((invocation) => invocation.result)
    const firstStart = Math.min(...results.map((result) => result.startedAt))
    const lastEnd = Math.max(...results.map((result) => result.endedAt))
    expect(Math.max(...results.map((result) => result.startedAt))).toBeLessThan(
      Math.min(...results.map((result) => result.endedAt)),
    )
    expect(lastEnd - firstStart).toBeLessThan((8 * 300) / 2)
  })
})

describe('sluice invoke --max-concurrency flags', () => {
  it('rejects --workers without --max-concurrency, and a bad --max-concurrency', async () => {
    const handler = 'test/fixtures/runtime/sleep.mjs#handler'
    const lone = await runSluice(['invoke', handler, '--workers', '2'], root)
    expect(lone.code).not.toBe(0)
    expect(lone.stderr).toContain('--workers 2 needs --max-concurrency')
    const zero = await runSluice(['invoke', handler, '--max-concurrency', '0'], root)
    expect(zero.code).not.toBe(0)
    expect(zero.stderr).toContain('--max-concurrency')
  })
})
