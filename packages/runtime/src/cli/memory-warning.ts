import type { InvocationReport } from '../report.ts'

/**
 * The warning for an invocation whose Max Memory Used went over its memory size, or undefined. The local runtime
 * does not cap memory, but Lambda stops such an invocation (`Runtime.OutOfMemory`), so it must be said.
 *
 * @example
 * memoryWarning(report)
 * // 'warning: Max Memory Used 150 MB is over the 128 MB memory size: on Lambda this invocation would fail with Runtime.OutOfMemory; give the function at least 192 MB'
 */
export function memoryWarning(report: InvocationReport): string | undefined {
  const used = report.maxMemoryUsedMb
  if (used <= report.memorySizeMb) return undefined
  // Headroom of a quarter, in the 64 MB steps people usually pick, within Lambda's 10240 MB.
  const enough = Math.min(10_240, Math.ceil((used * 1.25) / 64) * 64)
  return `warning: Max Memory Used ${used} MB is over the ${report.memorySizeMb} MB memory size: on Lambda this invocation would fail with Runtime.OutOfMemory; give the function at least ${enough} MB`
}
