import { formatReportLine, type InvocationReport } from './report.ts'

/**
 * The platform lines Lambda writes around an invocation's logs: START, END, REPORT, and INIT_REPORT when the
 * environment failed to initialise.
 *
 * @example
 * const { start, end, report } = platformLines(result.report)
 * console.log([start, ...result.logs, end, report].join('\n'))
 */
export function platformLines(report: InvocationReport): {
  start: string
  end: string
  report: string
  initReport?: string
} {
  const lines = {
    start: `START RequestId: ${report.requestId} Version: $LATEST`,
    end: `END RequestId: ${report.requestId}`,
    report: formatReportLine(report),
  }
  if (report.errorPhase !== 'init' || report.initDurationMs === undefined) return lines
  const initReport = [
    `INIT_REPORT Init Duration: ${report.initDurationMs.toFixed(2)} ms`,
    'Phase: init',
    'Status: error',
    `Error Type: ${report.errorType}`,
  ].join('\t')
  return { ...lines, initReport }
}
