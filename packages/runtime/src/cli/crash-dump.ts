import type { LambdaErrorBody } from '../platform-errors.ts'
import { isLogged } from './logged.ts'

// The last line of what Node prints to stderr when an uncaught exception ends the process.
const NODE_CRASH_END = /^Node\.js v\d+\.\d+\.\d+/
// Its first line: where it was thrown (`node:internal/process/promises:394`, `file:///app/x.ts:2`).
const NODE_CRASH_START = /^\S+:\d+$/

/**
 * The function's log lines without Node's uncaught-exception report of an error the RIC already logged. After an
 * init error the RIC logs it (with its stack), reports it, and lets it end the process, so Node prints the same
 * stack again on stderr, or not, depending on how soon the container is stopped. The CLI shows the stack once.
 * The report runs from a `file:line` line (or the error's own line) after the last JSON line up to
 * `Node.js vX.Y.Z`; it is kept when the error is not in the lines before it.
 *
 * @example
 * withoutRepeatedCrash(result.logs, result.error)
 */
export function withoutRepeatedCrash(
  logs: readonly string[],
  error: LambdaErrorBody | undefined,
): readonly string[] {
  const end = logs.findLastIndex((line) => NODE_CRASH_END.test(line))
  if (error === undefined || end < 0) return logs
  const firstLine =
    error.errorMessage
      .split('\n')
      .find((line) => line.trim() !== '')
      ?.trim() ?? ''
  let rawFrom = end
  while (rawFrom > 0 && !(logs[rawFrom - 1] ?? '').startsWith('{')) rawFrom -= 1
  const offset = logs
    .slice(rawFrom, end)
    .findIndex((line) => NODE_CRASH_START.test(line) || (firstLine !== '' && line.includes(firstLine)))
  if (offset < 0) return logs
  const start = rawFrom + offset
  const before = logs.slice(0, start)
  if (!isLogged(logs.slice(start, end + 1), firstLine) || !isLogged(before, firstLine)) return logs
  return [...before, ...logs.slice(end + 1)]
}
