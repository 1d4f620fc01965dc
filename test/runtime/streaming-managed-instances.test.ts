import { fileURLToPath } from 'node:url'
import { type InvocationResult, type Runtime, startRuntime } from '@sluice/runtime'
import { describe, expect, it } from 'vitest'

// Streamed responses in Managed Instances mode. aws-lambda-ric 4.0.2 posts every streamed response of a worker
// thread through one HTTP agent with maxSockets: 1, so a worker's streams reach the caller one after another while
// its handlers run at once; streams of different workers interleave.
const cwd = fileURLToPath(new URL('../..', import.meta.url))
const handler = 'test/fixtures/runtime/stream-chunks.mjs#handler'

interface Timed {
  readonly result: InvocationResult
  readonly thread: string
  /** When its first and last chunk reached the caller (performance.now()). */
  readonly first: number
  readonly last: number
}

async function streamAll(runtime: Runtime, prefixes: readonly string[], gapMs: number): Promise<Timed[]> {
  return Promise.all(
    prefixes.map(async (prefix) => {
      const arrivals: number[] = []
      const result = await runtime.invoke(
        { prefix, gapMs },
        { onChunk: () => arrivals.push(performance.now()) },
      )
      const thread = /on thread (\d+)/.exec(result.logs.join('\n'))?.[1] ?? '?'
      return { result, thread, first: arrivals[0] ?? 0, last: arrivals.at(-1) ?? 0 }
    }),
  )
}

const overlap = (a: Timed, b: Timed) => a.first < b.last && b.first < a.last

/** When the handler logged that it writes chunk `n`, by the RIC's timestamp on the line (ms resolution). */
function writtenAt(timed: Timed, n: number): number {
  const line = timed.result.logs.find((log) => new RegExp(`writing \\w+-${n} for`).test(log)) ?? ''
  // Managed Instances mode logs JSON lines; either way the line holds the RIC's ISO timestamp.
  return Date.parse(/\d{4}-\d\d-\d\dT[\d:.]+Z/.exec(line)?.[0] ?? '')
}

describe('response streaming in Managed Instances mode', () => {
  it('keeps each stream whole; streams of different workers interleave, those of one worker queue', async () => {
    await using runtime = await startRuntime({ handler, cwd, concurrency: 4, maxConcurrency: 4, workers: 2 })
    // Until both worker threads have taken an invocation, a batch might all land on the first one.
    let threads = new Set<string>()
    for (let round = 0; round < 20 && threads.size < 2; round += 1) {
      const warm = await streamAll(runtime, ['w1', 'w2', 'w3', 'w4'], 0)
      threads = new Set([...threads, ...warm.map((timed) => timed.thread)])
    }
    expect(threads.size).toBe(2)

    const streams = await streamAll(runtime, ['s1', 's2', 's3', 's4'], 100)
    for (const [index, { result }] of streams.entries()) {
      expect(result.error).toBeUndefined()
      expect(result.result).toBe(`s${index + 1}-1;s${index + 1}-2;s${index + 1}-3;`)
    }
    expect(Math.max(...streams.map(({ result }) => result.concurrency))).toBeGreaterThan(1)
    const pairs = streams.flatMap((a, i) => streams.slice(i + 1).map((b) => [a, b] as const))
    for (const [a, b] of pairs.filter(([a, b]) => a.thread === b.thread)) expect(overlap(a, b)).toBe(false)
    const across = pairs.filter(([a, b]) => a.thread !== b.thread)
    expect(across.length).toBeGreaterThan(0)
    expect(across.some(([a, b]) => overlap(a, b))).toBe(true)
  })

  it('with one worker, handlers still run at once and every stream arrives whole', async () => {
    await using runtime = await startRuntime({ handler, cwd, concurrency: 3, maxConcurrency: 3 })
    await runtime.invoke({ chunks: 1 })
    const streams = await streamAll(runtime, ['a', 'b', 'c'], 100)
    expect(streams.map(({ result }) => result.result)).toEqual([
      'a-1;a-2;a-3;',
      'b-1;b-2;b-3;',
      'c-1;c-2;c-3;',
    ])
    expect(runtime.containers).toHaveLength(1)
    expect(runtime.containers[0]?.peakConcurrency).toBe(3)
    for (const x of streams) {
      for (const y of streams) {
        if (x === y) continue
        expect(overlap(x, y)).toBe(false)
        // Every handler had written its first chunk before any wrote its last: they ran at once.
        expect(writtenAt(x, 1)).toBeLessThan(writtenAt(y, 3))
      }
    }
  })
})
