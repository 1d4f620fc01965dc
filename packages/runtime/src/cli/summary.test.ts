import { describe, expect, it } from 'vitest'
import type { InvocationResult } from '../invocation.ts'
import { buildReport } from '../report.ts'
import { percentile, summarize } from './summary.ts'

function result(durationMs: number, extra: Partial<InvocationResult> = {}, status = 'success' as const) {
  const report = buildReport({ requestId: 'r', durationMs, memorySizeMb: 1024, maxMemoryUsedMb: 70, status })
  return { requestId: 'r', report, logs: [], containerId: 'c1', coldStart: false, concurrency: 1, ...extra }
}

describe('percentile', () => {
  it('uses the nearest rank', () => {
    const values = Array.from({ length: 100 }, (_, index) => index + 1)
    expect([percentile(values, 50), percentile(values, 95), percentile(values, 99)]).toEqual([50, 95, 99])
    expect(percentile([7], 99)).toBe(7)
    expect(percentile([], 50)).toBe(0)
  })
})

describe('summarize', () => {
  it('counts containers, cold starts, errors and timeouts, and adds up GB-s and cost', () => {
    const timeout = buildReport({
      requestId: 't',
      durationMs: 1000,
      memorySizeMb: 1024,
      maxMemoryUsedMb: 80,
      status: 'timeout',
    })
    const error = { errorType: 'Sandbox.Timedout', errorMessage: 'x', trace: [] }
    const summary = summarize([
      result(1000, { coldStart: true }),
      result(2000, { containerId: 'c2', error: { errorType: 'TypeError', errorMessage: 'x', trace: [] } }),
      { ...result(0), report: timeout, error },
    ])
    expect(summary).toMatchObject({ invocations: 3, containers: 2, coldStarts: 1, errors: 1, timeouts: 1 })
    expect(summary.billedGbSeconds).toBe(4)
    expect(summary.maxMemoryUsedMb).toBe(80)
    expect(summary.memorySizeMb).toBe(1024)
    expect(summary.estimatedCostUsd).toBeCloseTo(3 * 0.0000002 + 4 * 0.0000166667, 12)
  })
})
