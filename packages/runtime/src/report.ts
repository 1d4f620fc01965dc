import { DEFAULT_PRICES, estimateCost, gbSeconds, type Prices } from './cost.ts'

/** How an invocation ended, as the REPORT line's `Status`. */
export type InvocationStatus = 'success' | 'error' | 'timeout'

/** The figures of a CloudWatch REPORT line for one invocation, plus an estimated cost. */
export interface InvocationReport {
  readonly requestId: string
  /** Handler time, from delivery of the event to the posted response (ms). */
  readonly durationMs: number
  /** Duration plus Init Duration, rounded up to the next ms (INIT is billed since August 2025). */
  readonly billedDurationMs: number
  readonly memorySizeMb: number
  /** Peak resident set size of the container process (VmHWM), in MB. */
  readonly maxMemoryUsedMb: number
  /** Present on cold starts only. */
  readonly initDurationMs?: number
  readonly status: InvocationStatus
  /** Set when status is `error` because the environment failed (init error, runtime exit). */
  readonly errorType?: string
  /** Which phase the environment failed in, with `errorType`. */
  readonly errorPhase?: 'init' | 'invoke'
  /** Billed GB-seconds. */
  readonly gbSeconds: number
  readonly costUsd: number
}

/** Measured inputs of {@link buildReport}. */
export interface ReportInput {
  readonly requestId: string
  readonly durationMs: number
  readonly memorySizeMb: number
  readonly maxMemoryUsedMb: number
  readonly initDurationMs?: number
  readonly status: InvocationStatus
  readonly errorType?: string
  readonly errorPhase?: 'init' | 'invoke'
}

/**
 * Computes billed duration, GB-seconds and cost for an invocation.
 *
 * @example
 * buildReport({ requestId: 'r', durationMs: 12.3, memorySizeMb: 128, maxMemoryUsedMb: 60, status: 'success' })
 *   .billedDurationMs // 13
 */
export function buildReport(input: ReportInput, prices: Prices = DEFAULT_PRICES): InvocationReport {
  const durationMs = round2(input.durationMs)
  const initDurationMs = input.initDurationMs === undefined ? undefined : round2(input.initDurationMs)
  const billedDurationMs = Math.max(1, Math.ceil(durationMs + (initDurationMs ?? 0)))
  const billed = gbSeconds(input.memorySizeMb, billedDurationMs)
  return {
    ...input,
    durationMs,
    ...(initDurationMs === undefined ? {} : { initDurationMs }),
    billedDurationMs,
    gbSeconds: billed,
    costUsd: estimateCost({ requests: 1, gbSeconds: billed }, prices),
  }
}

/**
 * The REPORT line as CloudWatch prints it (tab separated), with the estimated cost appended.
 *
 * @example
 * formatReportLine(report)
 * // 'REPORT RequestId: …\tDuration: 12.30 ms\tBilled Duration: 13 ms\tMemory Size: 128 MB\tMax Memory Used: 60 MB\t…'
 */
export function formatReportLine(report: InvocationReport): string {
  const fields = [
    `REPORT RequestId: ${report.requestId}`,
    `Duration: ${report.durationMs.toFixed(2)} ms`,
    `Billed Duration: ${report.billedDurationMs} ms`,
    `Memory Size: ${report.memorySizeMb} MB`,
    `Max Memory Used: ${report.maxMemoryUsedMb} MB`,
  ]
  if (report.initDurationMs !== undefined)
    fields.push(`Init Duration: ${report.initDurationMs.toFixed(2)} ms`)
  // Like CloudWatch: a handler that throws gets no Status; timeouts and environment failures do.
  if (report.status === 'timeout') fields.push('Status: timeout')
  if (report.errorType !== undefined) fields.push('Status: error', `Error Type: ${report.errorType}`)
  fields.push(`Estimated Cost: $${report.costUsd.toFixed(10)}`)
  return fields.join('\t')
}

function round2(value: number): number {
  return Math.round(value * 100) / 100
}
