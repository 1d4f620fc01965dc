import type { InvocationResult } from '../invocation.ts'
import { platformLines } from '../platform-lines.ts'
import { withoutRepeatedCrash } from './crash-dump.ts'
import { prettyLogLine } from './format-log.ts'
import { memoryWarning } from './memory-warning.ts'
import { distinctResponses, shownResponse } from './responses.ts'
import { streamSummary } from './stream-printer.ts'
import type { Style } from './style.ts'

/**
 * The lines printed for one invocation, in CloudWatch order: START, the function's logs, END, REPORT (init
 * failures print their logs and INIT_REPORT first), then, for a streamed response, a STREAM line (chunks, bytes,
 * time to first byte), and a warning when Max Memory Used went over the memory size.
 * Node's crash report of an error the RIC already logged is left out, so a stack is printed once.
 * `pretty` formats logs for a terminal; otherwise they are printed raw (JSON lines from the RIC).
 *
 * @example
 * for (const line of formatInvocation(result, style, process.stdout.isTTY)) console.log(line)
 */
export function formatInvocation(result: InvocationResult, style: Style, pretty: boolean): string[] {
  const platform = platformLines(result.report)
  const shown = withoutRepeatedCrash(result.logs, result.error)
  const logs = shown.map((line) => (pretty ? prettyLogLine(line, style) : line))
  const report = result.report.status === 'success' ? style.bold(platform.report) : style.red(platform.report)
  const start = style.dim(platform.start)
  const end = style.dim(platform.end)
  const warning = memoryWarning(result.report)
  const stream = streamSummary(result)
  const after = [
    ...(stream === undefined ? [] : [style.dim(stream)]),
    ...(warning === undefined ? [] : [style.yellow(warning)]),
  ]
  if (platform.initReport !== undefined) {
    return [...logs, style.red(platform.initReport), start, end, report, ...after]
  }
  return [start, ...logs, end, report, ...after]
}

/**
 * A one-line rendering of a result or error for terminals, cut to `max` characters. An error's stack is left out
 * when the logs above already printed it.
 *
 * @example
 * formatResponse(result, 120) // '{"message":"Hello, Ada"}'
 */
export function formatResponse(result: InvocationResult, max = 200): string {
  return cut(JSON.stringify(shownResponse(result)) ?? 'null', max)
}

/**
 * The responses of a run of several invocations: each distinct response once with how many invocations gave it,
 * in the order they first came, at most `limit` of them (`--json` has every one).
 *
 * @example
 * formatResponses(results, style)
 * // ['Responses: 40 invocations, 1 distinct', '  40× {"batchItemFailures":[]}']
 */
export function formatResponses(results: readonly InvocationResult[], style: Style, limit = 10): string[] {
  const distinct = distinctResponses(results)
  const width = String(Math.max(0, ...distinct.map((response) => response.count))).length
  const lines = [
    `${style.bold('Responses')}: ${results.length} invocations, ${distinct.length} distinct`,
    ...distinct.slice(0, limit).map((response) => {
      const text = cut(response.text, 200)
      return `  ${String(response.count).padStart(width)}× ${response.failed ? style.red(text) : text}`
    }),
  ]
  if (distinct.length > limit) {
    lines.push(`  … ${distinct.length - limit} more distinct responses: --json prints every one`)
  }
  return lines
}

function cut(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text
}
