import type { Style } from './style.ts'

const LEVEL_WIDTH = 5

/**
 * Pretty form of one function log line for a terminal: `12:00:01.234 INFO  message`. Understands the RIC's
 * JSON lines (AWS_LAMBDA_LOG_FORMAT=JSON) and its text lines (`time\trequestId\tLEVEL\tmessage`); anything
 * else (raw stdout writes) is shown as is.
 *
 * @example
 * prettyLogLine('{"timestamp":"2025-01-01T12:00:01.234Z","level":"INFO","requestId":"r","message":"hi"}', style)
 * // '12:00:01.234 INFO  hi'
 */
export function prettyLogLine(line: string, style: Style): string {
  const entry = parseJsonLine(line) ?? parseTextLine(line)
  if (entry === undefined) return line
  const level = entry.level.padEnd(LEVEL_WIDTH)
  const coloured =
    entry.level === 'ERROR' || entry.level === 'FATAL'
      ? style.red(level)
      : entry.level === 'WARN'
        ? style.yellow(level)
        : style.cyan(level)
  const message = entry.message
    .replaceAll('\r', '\n')
    .replaceAll('\n', `\n${' '.repeat(13 + LEVEL_WIDTH + 1)}`)
  return `${style.dim(entry.timestamp.slice(11, 23))} ${coloured} ${message}`
}

interface LogEntry {
  readonly timestamp: string
  readonly level: string
  readonly message: string
}

function parseJsonLine(line: string): LogEntry | undefined {
  if (!line.startsWith('{')) return undefined
  try {
    const value: unknown = JSON.parse(line)
    if (typeof value !== 'object' || value === null) return undefined
    const timestamp = Reflect.get(value, 'timestamp')
    const level = Reflect.get(value, 'level')
    const message = Reflect.get(value, 'message')
    if (typeof timestamp !== 'string' || typeof level !== 'string') return undefined
    return { timestamp, level, message: typeof message === 'string' ? message : JSON.stringify(message) }
  } catch {
    return undefined
  }
}

function parseTextLine(line: string): LogEntry | undefined {
  const [timestamp, , level, ...rest] = line.split('\t')
  if (timestamp === undefined || level === undefined || !/^\d{4}-\d\d-\d\dT/.test(timestamp)) return undefined
  return { timestamp, level, message: rest.join('\t') }
}
