import type { LambdaErrorBody } from '../platform-errors.ts'
import { isLogged } from './logged.ts'

// The last line of what Node prints to stderr when an uncaught exception ends the process.
const NODE_CRASH_END = /^Node\.js v\d+\.\d+\.\d+/
// Its first line: where it was thrown (`node:internal/process/promises:394`, `file:///app/x.ts:2`).
const NODE_CRASH_START = /^\S+:\d+$/
// A frame of the error's stack, as Node prints it.
const STACK_FRAME = /^\s+at /

/**
 * The function's log lines without Node's uncaught-exception report of an error the RIC already logged. After an
 * init error the RIC logs it (with its stack), reports it, and lets it end the process, so Node prints the same
 * stack again on stderr, or not, or only part of it, depending on how soon the container is stopped. The CLI shows
 * the stack once.
 *
 * The report is raw text (no JSON line inside it) from a `file:line` line (or the error's own line) to
 * `Node.js vX.Y.Z`; cut short, it ends at its last stack frame. It is left out when the error is also logged
 * elsewhere, before it or after it: stdout and stderr are two pipes, and the RIC's line on stdout may be read after
 * Node's report on stderr.
 *
 * @example
 * withoutRepeatedCrash(result.logs, result.error)
 */
export function withoutRepeatedCrash(
  logs: readonly string[],
  error: LambdaErrorBody | undefined,
): readonly string[] {
  const firstLine =
    error?.errorMessage
      .split('\n')
      .find((line) => line.trim() !== '')
      ?.trim() ?? ''
  if (firstLine === '') return logs
  const report = crashReport(logs, firstLine)
  if (report === undefined) return logs
  const rest = [...logs.slice(0, report.start), ...logs.slice(report.end + 1)]
  return isLogged(rest, firstLine) ? rest : logs
}

/** Where Node's report of the error stands in `logs` (the last one, if several raw runs look like one). */
function crashReport(logs: readonly string[], firstLine: string): { start: number; end: number } | undefined {
  let runEnd = logs.length
  while (runEnd > 0) {
    let runStart = runEnd
    while (runStart > 0 && !(logs[runStart - 1] ?? '').startsWith('{')) runStart -= 1
    const run = logs.slice(runStart, runEnd)
    const offset = run.findIndex((line) => NODE_CRASH_START.test(line) || line.includes(firstLine))
    if (offset >= 0) {
      const closed = run.findIndex((line, i) => i > offset && NODE_CRASH_END.test(line))
      const cut = run.findLastIndex((line) => STACK_FRAME.test(line) || line.includes(firstLine))
      const last = closed >= 0 ? closed : cut
      if (last >= offset && isLogged(run.slice(offset, last + 1), firstLine)) {
        return { start: runStart + offset, end: runStart + last }
      }
    }
    // the JSON line before this run, then the run before it
    runEnd = runStart - 1
  }
  return undefined
}
