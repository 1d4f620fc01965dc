import { fileURLToPath } from 'node:url'
import { type InvocationResult, startRuntime } from '@sluice/runtime'

// The packages' end-to-end tests on Lambda Managed Instances run their fixture the same way: one environment of
// the local runtime, the real aws-lambda-ric with two worker threads, up to four invocations in flight at once.

const root = fileURLToPath(new URL('../..', import.meta.url))

/**
 * Starts `handler` (a path from the repo root, `file#export`) in one Managed Instances environment: two worker
 * threads, four invocations in flight at most, `env` added to the function's environment.
 *
 * @example
 * await using runtime = await startManagedInstances('test/fixtures/lifecycle/handler.ts#handler')
 * const results = await Promise.all([runtime.invoke({ ms: 250 }), runtime.invoke({ ms: 250 })])
 */
export const startManagedInstances = (handler: string, env: Record<string, string> = {}) =>
  startRuntime({ cwd: root, handler, concurrency: 4, maxConcurrency: 4, workers: 2, timeoutMs: 20_000, env })

/**
 * The most invocations any one found in flight on its worker when it started, from the `inFlightAtStart` its
 * fixture returns (0 for one that returned nothing): 2 or more proves overlap without timing anything.
 *
 * @example
 * expect(peakInFlightAtStart(results)).toBeGreaterThanOrEqual(2)
 */
export const peakInFlightAtStart = (results: readonly InvocationResult[]): number =>
  Math.max(
    ...results.map(
      (result) => (result.result as { inFlightAtStart?: number } | undefined)?.inFlightAtStart ?? 0,
    ),
  )

/**
 * The JSON lines among log lines (those that start with `{`), parsed; other lines are skipped.
 *
 * @example
 * const lines = jsonLines(result.logs).filter((line) => line.msg === 'record')
 */
export const jsonLines = (logs: readonly string[]): Array<Record<string, unknown>> =>
  logs.filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as Record<string, unknown>)
