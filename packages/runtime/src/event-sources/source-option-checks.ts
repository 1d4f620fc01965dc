import { SluiceRuntimeError } from '../errors.ts'

/** A refused value as the message shows it: its JSON, else its string form (a cycle, a function, `undefined`). */
function shown(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value)
  } catch {
    return String(value)
  }
}

/**
 * The error every event source throws for a refused option: `EVENT_SOURCE_INVALID_OPTION`, naming the option,
 * what AWS allows and the value given.
 *
 * @example
 * throw invalidSourceOption('startingPosition', 'AT_TIMESTAMP', "'TRIM_HORIZON' or 'LATEST'")
 * // startingPosition must be 'TRIM_HORIZON' or 'LATEST' (got "AT_TIMESTAMP")
 */
export const invalidSourceOption = (option: string, value: unknown, allowed: string): SluiceRuntimeError =>
  new SluiceRuntimeError('EVENT_SOURCE_INVALID_OPTION', `${option} must be ${allowed} (got ${shown(value)})`)

/**
 * An integer option in AWS's `[min, max]`, or `fallback` when unset; `minusOne` also lets AWS's -1 ("no limit")
 * through. The one range check the SQS, stream and asynchronous sources share.
 *
 * @example
 * integerOption('batchSize', options.batchSize, 100, [1, 10_000]) // 100 when unset
 * integerOption('maximumRetryAttempts', -1, -1, [0, 10_000], true) // -1
 */
export function integerOption(
  option: string,
  value: unknown,
  fallback: number,
  [min, max]: readonly [number, number],
  minusOne = false,
): number {
  if (value === undefined) return fallback
  const ok = typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max
  if (ok || (minusOne && value === -1)) return value
  throw invalidSourceOption(option, value, `${minusOne ? '-1 or ' : ''}an integer from ${min} to ${max}`)
}

/**
 * `functionResponseTypes` of an event source mapping: true when it asks for `ReportBatchItemFailures`.
 *
 * @example
 * reportsBatchItemFailures('functionResponseTypes', ['ReportBatchItemFailures']) // true
 */
export function reportsBatchItemFailures(option: string, value: unknown): boolean {
  if (value === undefined) return false
  if (!Array.isArray(value) || value.some((type) => type !== 'ReportBatchItemFailures'))
    throw invalidSourceOption(option, value, "[] or ['ReportBatchItemFailures']")
  return value.length > 0
}

/**
 * A destination entry (`{ destination: 'name' }`) of a `destinationConfig`: its non-empty name, or `undefined`
 * when the entry is left out.
 *
 * @example
 * destinationName('destinationConfig.onFailure', { destination: 'failed' }, '{ destination: string }') // 'failed'
 */
export function destinationName(option: string, entry: unknown, allowed: string): string | undefined {
  if (entry === undefined) return undefined
  const name: unknown =
    typeof entry === 'object' && entry !== null ? Reflect.get(entry, 'destination') : undefined
  if (typeof name === 'string' && name !== '') return name
  throw invalidSourceOption(option, entry, allowed)
}
