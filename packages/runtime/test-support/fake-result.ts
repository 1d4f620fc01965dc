import type { InvocationResult } from '../src/invocation.ts'
import { buildReport } from '../src/report.ts'

/**
 * An {@link InvocationResult} as an in-process fake function gives it: a 1 ms warm invocation that returned
 * `outcome.result`, or failed with `outcome.error` (an error type). For unit tests of what the sources do with
 * results; the acceptance tests use a real runtime.
 *
 * @example
 * fakeResult('r-1', { result: { batchItemFailures: [] } })
 * fakeResult('r-2', { error: 'Error' })
 */
export function fakeResult(
  requestId: string,
  outcome: { readonly result?: unknown } | { readonly error: string },
): InvocationResult {
  const failed = 'error' in outcome
  const report = buildReport({
    requestId,
    durationMs: 1,
    memorySizeMb: 128,
    maxMemoryUsedMb: 64,
    status: failed ? 'error' : 'success',
  })
  const base = { requestId, report, logs: [], containerId: 'c', coldStart: false, concurrency: 1 }
  if (failed) return { ...base, error: { errorType: outcome.error, errorMessage: 'failed', trace: [] } }
  return { ...base, result: outcome.result }
}
