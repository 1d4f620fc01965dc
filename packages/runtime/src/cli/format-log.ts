import { type LogRecord, readLogRecord } from './log-record.ts'
import type { Style } from './style.ts'
import { terminalText } from './terminal-text.ts'

const LEVEL_WIDTH = 5
/** Continuation lines start under the message: 12 columns of time, a space, the level, a space. */
const INDENT = ' '.repeat(12 + 1 + LEVEL_WIDTH + 1)
/** A field value longer than this is cut: the whole line is in the piped output and in `--json`. */
const MAX_FIELD = 120

/**
 * Pretty form of one function log line for a terminal: `12:00:01.234 INFO  message key=value`, continuation and
 * stack lines indented under the message. Reads the RIC's JSON and text lines, `@sluice/logger`/pino lines (`msg`,
 * numeric or label `level`, ISO or epoch `time`), Powertools Logger lines and Lambda's `Task timed out` line; any
 * other line (raw writes, other JSON) is shown as it is. Control characters never reach the terminal raw, and no
 * input makes it throw.
 *
 * @example
 * prettyLogLine('{"timestamp":"2025-01-01T12:00:01.234Z","level":"INFO","requestId":"r","message":"hi"}', style)
 * // '12:00:01.234 INFO  hi'
 */
export function prettyLogLine(line: string, style: Style): string {
  const record = readLogRecord(line)
  if (record === undefined) return terminalText(line)
  const time = style.dim(record.time ?? ' '.repeat(12))
  const fields = formatFields(record)
  const head = [terminalText(record.message, INDENT), fields === '' ? '' : style.dim(fields)]
    .filter((part) => part !== '')
    .join(' ')
  const colour = levelStyle(record.level, style)
  const level = record.level ?? ''
  // Padded to line messages up; with nothing after it, no trailing blanks.
  const text =
    head === ''
      ? [time, level === '' ? '' : colour(level)].filter((part) => part !== '').join(' ')
      : `${time} ${colour(level.padEnd(LEVEL_WIDTH))} ${head}`
  return record.stack === undefined
    ? text
    : `${text}\n${INDENT}${style.dim(terminalText(record.stack, INDENT))}`
}

function levelStyle(level: string | undefined, style: Style): (text: string) => string {
  if (level === 'ERROR' || level === 'FATAL' || level === 'CRITICAL') return style.red
  if (level === 'WARN') return style.yellow
  if (level === 'DEBUG' || level === 'TRACE') return style.dim
  return style.cyan
}

function formatFields(record: LogRecord): string {
  return Object.entries(record.fields)
    .map(([key, value]) => terminalText(`${key}=${fieldText(value)}`))
    .join(' ')
}

function fieldText(value: unknown): string {
  const text =
    typeof value === 'string' && /^[^\s"=]*$/.test(value) && value !== ''
      ? value
      : (JSON.stringify(value) ?? String(value))
  return text.length > MAX_FIELD ? `${text.slice(0, MAX_FIELD - 1)}…` : text
}
