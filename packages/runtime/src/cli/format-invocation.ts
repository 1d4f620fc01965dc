import type { InvocationResult } from '../invocation.ts'
import { platformLines } from '../platform-lines.ts'
import { prettyLogLine } from './format-log.ts'
import type { Style } from './style.ts'

/**
 * The lines printed for one invocation, in CloudWatch order: START, the function's logs, END, REPORT (init
 * failures print their logs and INIT_REPORT first). `pretty` formats logs for a terminal; otherwise they are
 * printed raw (JSON lines from the RIC).
 *
 * @example
 * for (const line of formatInvocation(result, style, process.stdout.isTTY)) console.log(line)
 */
export function formatInvocation(result: InvocationResult, style: Style, pretty: boolean): string[] {
  const platform = platformLines(result.report)
  const logs = result.logs.map((line) => (pretty ? prettyLogLine(line, style) : line))
  const report = result.report.status === 'success' ? style.bold(platform.report) : style.red(platform.report)
  const start = style.dim(platform.start)
  const end = style.dim(platform.end)
  if (platform.initReport !== undefined) {
    return [...logs, style.red(platform.initReport), start, end, report]
  }
  return [start, ...logs, end, report]
}

/**
 * A one-line rendering of a result or error for terminals, cut to `max` characters.
 *
 * @example
 * formatResponse(result, 120) // '{"message":"Hello, Ada"}'
 */
export function formatResponse(result: InvocationResult, max = 200): string {
  const text = JSON.stringify(result.error ?? result.result ?? null)
  return text.length > max ? `${text.slice(0, max - 1)}…` : text
}
