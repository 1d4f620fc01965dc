import type { InvocationResult } from '../invocation.ts'

/** Aggregates of a run of invocations, as printed in the summary table and in `--json`. */
export interface RunSummary {
  readonly invocations: number
  readonly containers: number
  /** Per container id, the most invocations it ran at once (above 1 only in Managed Instances mode). */
  readonly peakConcurrency: Readonly<Record<string, number>>
  readonly coldStarts: number
  readonly errors: number
  readonly timeouts: number
  readonly durationMs: {
    readonly p50: number
    readonly p95: number
    readonly p99: number
    readonly max: number
  }
  readonly initDurationMs: { readonly p50: number; readonly max: number }
  readonly maxMemoryUsedMb: number
  /** The configured memory size (the largest, should a run mix them). */
  readonly memorySizeMb: number
  readonly billedGbSeconds: number
  readonly estimatedCostUsd: number
}

/**
 * Summarises invocation results: counts, nearest-rank duration percentiles, billed GB-s and cost.
 *
 * @example
 * summarize(results).durationMs.p95
 */
export function summarize(results: readonly InvocationResult[]): RunSummary {
  const durations = results.map((result) => result.report.durationMs)
  const inits = results.flatMap((result) => result.report.initDurationMs ?? [])
  return {
    invocations: results.length,
    containers: new Set(results.map((result) => result.containerId)).size,
    peakConcurrency: peakConcurrency(results),
    coldStarts: results.filter((result) => result.coldStart).length,
    errors: results.filter((result) => result.error !== undefined && result.report.status !== 'timeout')
      .length,
    timeouts: results.filter((result) => result.report.status === 'timeout').length,
    durationMs: {
      p50: percentile(durations, 50),
      p95: percentile(durations, 95),
      p99: percentile(durations, 99),
      max: Math.max(0, ...durations),
    },
    initDurationMs: { p50: percentile(inits, 50), max: Math.max(0, ...inits) },
    maxMemoryUsedMb: Math.max(0, ...results.map((result) => result.report.maxMemoryUsedMb)),
    memorySizeMb: Math.max(0, ...results.map((result) => result.report.memorySizeMb)),
    billedGbSeconds: sum(results.map((result) => result.report.gbSeconds)),
    estimatedCostUsd: sum(results.map((result) => result.report.costUsd)),
  }
}

/**
 * Nearest-rank percentile (0 for no values).
 *
 * @example
 * percentile([1, 2, 3, 4], 50) // 2
 */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0
  const sorted = [...values].sort((a, b) => a - b)
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length))
  return sorted[Math.min(rank, sorted.length) - 1] ?? 0
}

function peakConcurrency(results: readonly InvocationResult[]): Record<string, number> {
  const peaks: Record<string, number> = {}
  for (const { containerId, concurrency } of results) {
    peaks[containerId] = Math.max(peaks[containerId] ?? 0, concurrency)
  }
  return peaks
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0)
}
