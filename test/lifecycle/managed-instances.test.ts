import { describe, expect, test } from 'vitest'
import { startManagedInstances } from '../support/managed-instances.ts'

// context.lifecycle under the real aws-lambda-ric in Managed Instances mode: module scope (and so the invocation
// count) is per worker thread. The local runtime starts environments on demand (AWS_LAMBDA_INITIALIZATION_TYPE
// on-demand), so the first invocation each worker runs is its cold start; several in flight at once on a worker
// never make two.

interface Seen {
  coldStart: boolean
  firstInvocation: boolean
  invocation: number
  initializationType: string
  threadId: number
  inFlightAtStart: number
}

describe('lifecycle with many invocations in flight (Managed Instances)', { timeout: 60_000 }, () => {
  test('cold start once per worker thread, counts 1..n per worker, even when its first invocations overlap', async () => {
    await using runtime = await startManagedInstances('test/fixtures/lifecycle/handler.ts#handler')
    const results = await Promise.all(Array.from({ length: 12 }, () => runtime.invoke({ ms: 250 })))
    expect(results.map((result) => result.error)).toEqual(results.map(() => undefined))
    const seen = results.map((result) => result.result as Seen)
    const byWorker = Map.groupBy(seen, (facts) => facts.threadId)
    expect(byWorker.size).toBe(2)
    for (const facts of byWorker.values()) {
      const ordered = facts.toSorted((a, b) => a.invocation - b.invocation)
      expect(ordered.map((f) => f.invocation)).toEqual(ordered.map((_, i) => i + 1))
      expect(ordered.map((f) => [f.coldStart, f.firstInvocation])).toEqual(
        ordered.map((_, i) => [i === 0, i === 0]),
      )
      for (const f of ordered) expect(f.initializationType).toBe('on-demand')
    }
    // The first invocations overlapped on some worker: its second started while its first was in flight.
    const seconds = seen.filter((facts) => facts.invocation === 2)
    expect(seconds.some((facts) => facts.inFlightAtStart >= 2)).toBe(true)
    // The runtime reports one cold start for the environment (its Init Duration), on one invocation.
    expect(results.filter((result) => result.coldStart)).toHaveLength(1)
  })
})
