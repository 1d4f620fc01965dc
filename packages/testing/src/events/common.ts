import { DEFAULT_ACCOUNT_ID, defaultRegion } from '../aws-defaults.ts'
import { type Clock, realTime } from '../clock.ts'
import { InvalidOptionError } from '../errors.ts'

/**
 * Options every event builder takes: where the source lives and what time it is.
 *
 * @example
 * events.sqs({ region: 'eu-west-1', accountId: '111122223333', clock: createClock(0) })
 */
export type EventSourceOptions = {
  region?: string
  accountId?: string
  /** Timestamps in the event come from this clock (default: `Date.now()`). */
  clock?: Pick<Clock, 'now'>
}

/**
 * A payload given as a value: a string is used as is, anything else becomes JSON text.
 *
 * @example
 * const body: JsonValueOption = { sku: 'A1' }
 */
export type JsonValueOption =
  | string
  | number
  | boolean
  | null
  | readonly unknown[]
  | { readonly [key: string]: unknown }

/**
 * A record payload: a {@link JsonValueOption}, or a function called with the record's index.
 *
 * @example
 * const body: PayloadOption = (index) => ({ orderId: `o-${index}` })
 */
export type PayloadOption = JsonValueOption | ((index: number) => unknown)

/**
 * Region, account and time for one event, defaults applied.
 *
 * @example
 * const { region, accountId, now }: EventSource = eventSource({ region: 'eu-west-1' })
 */
export type EventSource = { region: string; accountId: string; now: number }

/**
 * Applies the region, account and clock defaults.
 *
 * @example
 * eventSource({}).accountId // '123456789012'
 */
export function eventSource(options: EventSourceOptions): EventSource {
  return {
    region: options.region ?? defaultRegion(),
    accountId: options.accountId ?? DEFAULT_ACCOUNT_ID,
    now: (options.clock ?? realTime).now(),
  }
}

/**
 * The text of record `index`'s payload.
 *
 * @example
 * payloadText((i) => ({ i }), 2, () => null) // '{"i":2}'
 * payloadText('plain', 0, () => null) // 'plain'
 */
export function payloadText(
  option: PayloadOption | undefined,
  index: number,
  fallback: (index: number) => unknown,
) {
  const value = option === undefined ? fallback(index) : typeof option === 'function' ? option(index) : option
  return jsonText(value)
}

/**
 * A payload value as text: a string as is, anything else as JSON.
 *
 * @example
 * jsonText({ a: 1 }) // '{"a":1}'
 */
export function jsonText(value: unknown): string {
  return typeof value === 'string' ? value : (JSON.stringify(value) ?? '')
}

/**
 * A payload value that is given for the record itself (`own`), else the builder-wide option, else the fallback.
 *
 * @example
 * recordPayload(undefined, (i) => ({ i }), 1, () => null) // '{"i":1}'
 */
export function recordPayload(
  own: unknown,
  option: PayloadOption | undefined,
  index: number,
  fallback: (index: number) => unknown,
): string {
  return own === undefined ? payloadText(option, index, fallback) : jsonText(own)
}

/**
 * A string option, or a function of the record index giving one.
 *
 * @example
 * const key: PerRecord<string> = (i) => `in/${i}.csv`
 */
export type PerRecord<T> = T | ((index: number) => T)

/**
 * The value of a {@link PerRecord} option for record `index`.
 *
 * @example
 * perRecord((i) => `k${i}`, 2, 'x') // 'k2'
 */
export function perRecord<T>(option: PerRecord<T> | undefined, index: number, fallback: T): T {
  if (option === undefined) return fallback
  return typeof option === 'function' ? (option as (index: number) => T)(index) : option
}

/**
 * Validates a record count (a whole number, 0 or more).
 *
 * @example
 * recordCount(undefined) // 1
 */
export function recordCount(records: number | undefined, fallback = 1): number {
  const count = records ?? fallback
  if (!Number.isInteger(count) || count < 0) {
    throw new InvalidOptionError('records', `needs a whole number of records, 0 or more, got ${count}`)
  }
  return count
}

/**
 * `count` items made by `make(index)`.
 *
 * @example
 * times(3, (i) => i * 2) // [0, 2, 4]
 */
export function times<T>(count: number, make: (index: number) => T): T[] {
  return Array.from({ length: count }, (_, index) => make(index))
}

/**
 * ISO 8601 time without milliseconds, as EventBridge writes it.
 *
 * @example
 * isoSeconds(0) // '1970-01-01T00:00:00Z'
 */
export function isoSeconds(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19)}Z`
}
