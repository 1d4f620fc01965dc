// pino's level numbers; a custom level between two takes the lower name.
const PINO_LEVELS: readonly (readonly [number, string])[] = [
  [10, 'TRACE'],
  [20, 'DEBUG'],
  [30, 'INFO'],
  [40, 'WARN'],
  [50, 'ERROR'],
  [60, 'FATAL'],
]

/**
 * The time of a log line as `HH:MM:SS.mmm` (UTC, as Lambda's `TZ=:UTC` and CloudWatch show it), from an ISO string
 * (`timestamp` of the RIC and Powertools, `time` of some pino setups) or an epoch number (pino's `time`, in ms, or
 * seconds when it is too small to be ms); undefined when the value is not a readable time.
 *
 * @example
 * logTime('2025-01-01T12:00:01.234Z') // '12:00:01.234'
 * logTime(1735732801234) // '12:00:01.234'
 */
export function logTime(value: unknown): string | undefined {
  let ms = Number.NaN
  if (typeof value === 'number') ms = Math.abs(value) < 1e11 ? value * 1000 : value
  else if (typeof value === 'string' && /^\d{4}-\d\d-\d\d[T ]\d\d:\d\d/.test(value)) ms = Date.parse(value)
  const date = new Date(ms)
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString().slice(11, 23)
}

/**
 * The level of a log line in upper case: a label in any case (`info`, `INFO`, Powertools' `CRITICAL`; `WARNING`
 * reads as `WARN`) or a pino level number (30 → `INFO`); undefined for anything else.
 *
 * @example
 * logLevel(50) // 'ERROR'
 * logLevel('warn') // 'WARN'
 */
export function logLevel(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) {
    return PINO_LEVELS.findLast(([number]) => value >= number)?.[1] ?? 'TRACE'
  }
  if (typeof value !== 'string' || !/^[A-Za-z]{1,12}$/.test(value)) return undefined
  const upper = value.toUpperCase()
  return upper === 'WARNING' ? 'WARN' : upper
}

/**
 * A stack trace carried by a logged error: the RIC's `{ errorType, errorMessage, stackTrace: string[] }`, or an
 * error serialised with a `stack` string (pino's `err`, Powertools' `error`); undefined otherwise.
 *
 * @example
 * errorStack({ type: 'Error', message: 'boom', stack: 'Error: boom\n    at f (a.js:1:1)' }) // 'Error: boom\n    at f…'
 */
export function errorStack(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined
  const trace: unknown = Reflect.get(value, 'stackTrace')
  if (Array.isArray(trace) && trace.length > 0 && trace.every((line) => typeof line === 'string')) {
    return trace.join('\n')
  }
  const stack: unknown = Reflect.get(value, 'stack')
  return typeof stack === 'string' && stack !== '' ? stack : undefined
}

/**
 * A logged value as message text: strings as they are, nothing as '', anything else as compact JSON.
 *
 * @example
 * messageText({ orderId: 'o-1' }) // '{"orderId":"o-1"}'
 */
export function messageText(value: unknown): string {
  if (typeof value === 'string') return value
  if (value === undefined) return ''
  return JSON.stringify(value) ?? String(value)
}
