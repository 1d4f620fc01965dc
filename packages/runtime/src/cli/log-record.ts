import { errorStack, logLevel, logTime, messageText } from './log-fields.ts'

/**
 * One function log line, read whatever logger wrote it.
 *
 * @example
 * const record: LogRecord = { time: '12:00:01.234', level: 'INFO', message: 'hi', stack: undefined, fields: {} }
 */
export interface LogRecord {
  /** `HH:MM:SS.mmm` (UTC), or undefined when the line carries no readable time. */
  readonly time: string | undefined
  /** Upper-case level (`INFO`), or undefined when the line has none. */
  readonly level: string | undefined
  readonly message: string
  /** A stack trace to show under the message, when the message does not already hold it. */
  readonly stack: string | undefined
  /** The line's other fields, less the ones every line of an invocation repeats. */
  readonly fields: Readonly<Record<string, unknown>>
}

// The same on every line of an invocation (the RIC's, @sluice/logger's, Powertools Logger's context, pino's
// process fields): START and REPORT already say them, and repeating them hides what the line says.
const CONTEXT = new Set([
  'requestId',
  'pid',
  'hostname',
  'service',
  'functionName',
  'functionVersion',
  'memoryMb',
  'coldStart',
  'traceId',
  'cold_start',
  'function_arn',
  'function_memory_size',
  'function_name',
  'function_request_id',
  'sampling_rate',
  'xray_trace_id',
])

/**
 * Reads a function log line: a JSON object with a `message`/`msg` or a `level` (the RIC's JSON lines,
 * `@sluice/logger` and pino, Powertools Logger), the RIC's text lines (`time\trequestId\tLEVEL\tmessage`) or
 * Lambda's own `time requestId message` lines. Anything else (raw writes, other JSON) gives undefined.
 *
 * @example
 * readLogRecord('{"level":30,"time":1735732801234,"msg":"hi"}') // { time: '12:00:01.234', level: 'INFO', message: 'hi', … }
 */
export function readLogRecord(line: string): LogRecord | undefined {
  return readJsonLine(line) ?? readTextLine(line)
}

function readJsonLine(line: string): LogRecord | undefined {
  if (!line.trimStart().startsWith('{')) return undefined
  let value: unknown
  try {
    value = JSON.parse(line)
  } catch {
    return undefined
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined
  const entry = new Map(Object.entries(value))
  if (!entry.has('msg') && !entry.has('message') && !entry.has('level')) return undefined
  const messageKey = entry.has('msg') ? 'msg' : 'message'
  const timeKey = entry.has('timestamp') ? 'timestamp' : 'time'
  const rawMessage = entry.get(messageKey)
  const level = logLevel(entry.get('level'))
  const time = logTime(entry.get(timeKey))
  // A field is left out only once it has been read; one that cannot be read is shown as it is.
  const read = new Set([
    messageKey,
    ...(level === undefined ? [] : ['level']),
    ...(time === undefined ? [] : [timeKey]),
  ])
  // fromEntries defines own properties, so a `__proto__` key stays a field and never becomes a prototype.
  const fields: Record<string, unknown> = Object.fromEntries(
    [...entry].filter(([key]) => !read.has(key) && !CONTEXT.has(key)),
  )
  const messageStack = errorStack(rawMessage)
  const message = messageStack ?? messageText(rawMessage)
  return {
    time,
    level,
    message,
    stack: messageStack === undefined ? separateStack(fields, message) : undefined,
    fields,
  }
}

/** Moves the stack of a logged error (`err`, `error`, or the RIC's top-level `stackTrace`) out of `fields`. */
function separateStack(fields: Record<string, unknown>, message: string): string | undefined {
  for (const key of ['err', 'error']) {
    const stack = errorStack(fields[key])
    if (stack !== undefined) {
      delete fields[key]
      return shownIn(message, stack) ? undefined : stack
    }
  }
  const stack = errorStack(fields)
  if (stack === undefined || !Array.isArray(fields.stackTrace)) return undefined
  for (const key of ['errorType', 'errorMessage', 'stackTrace']) delete fields[key]
  return shownIn(message, stack) ? undefined : stack
}

// The RIC formats `console.error('failed', error)` with the stack in the message as well as in `stackTrace`.
function shownIn(message: string, stack: string): boolean {
  const frame = stack.split('\n').find((line) => line.trimStart().startsWith('at '))
  return frame !== undefined && message.includes(frame.trim())
}

function readTextLine(line: string): LogRecord | undefined {
  const ric = /^(\d{4}-\d\d-\d\dT[\d:.]+Z)\t[^\t]*\t([A-Za-z]+)\t([\s\S]*)$/.exec(line)
  const level = logLevel(ric?.[2])
  if (ric !== null && level !== undefined) {
    return { time: logTime(ric[1]), level, message: ric[3] ?? '', stack: undefined, fields: {} }
  }
  // Lambda's own lines, like `2025-01-01T12:00:01.234Z 3f0c… Task timed out after 1.00 seconds`.
  const platform = /^(\d{4}-\d\d-\d\dT[\d:.]+Z) [0-9a-f-]{36} ([\s\S]*)$/.exec(line)
  if (platform === null) return undefined
  return {
    time: logTime(platform[1]),
    level: undefined,
    message: platform[2] ?? '',
    stack: undefined,
    fields: {},
  }
}
