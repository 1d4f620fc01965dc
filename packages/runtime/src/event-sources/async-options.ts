import { SluiceRuntimeError } from '../errors.ts'

/**
 * Where Lambda sends the record of an asynchronous invocation (`DestinationConfig`): a name per condition. The
 * records are kept, and read back with `outputs().onSuccess` / `outputs().onFailure`.
 *
 * @example
 * const destinations: AsyncDestinationConfig = { onFailure: { destination: 'orders-failed' } }
 */
export interface AsyncDestinationConfig {
  readonly onSuccess?: { readonly destination: string }
  readonly onFailure?: { readonly destination: string }
}

/**
 * Lambda's asynchronous invocation settings (`PutFunctionEventInvokeConfig`), with AWS's names, units and defaults.
 *
 * @example
 * const config: AsyncInvokeConfig = { maximumRetryAttempts: 0, maximumEventAgeInSeconds: 3600 }
 */
export interface AsyncInvokeConfig {
  /** Retries after a function error, 0–2. Default 2 (after 1 and then 2 minutes). */
  readonly maximumRetryAttempts?: number
  /** Age at which a waiting event is dropped, 60–21600 s. Default 21600 (6 hours). */
  readonly maximumEventAgeInSeconds?: number
  readonly destinationConfig?: AsyncDestinationConfig
}

/** {@link AsyncInvokeConfig} checked, defaults applied. */
export interface ResolvedAsyncConfig {
  readonly maximumRetryAttempts: number
  readonly maximumEventAgeInSeconds: number
  readonly onSuccess: string | undefined
  readonly onFailure: string | undefined
}

/**
 * Checks `config` against Lambda's ranges and applies its defaults; anything else throws
 * `EVENT_SOURCE_INVALID_OPTION` naming the option, the value and the range.
 *
 * @example
 * resolveAsyncConfig({}) // { maximumRetryAttempts: 2, maximumEventAgeInSeconds: 21600, onSuccess: undefined, … }
 */
export function resolveAsyncConfig(config: AsyncInvokeConfig): ResolvedAsyncConfig {
  const destinations: unknown = config.destinationConfig ?? {}
  if (typeof destinations !== 'object' || destinations === null)
    throw invalid(
      'destinationConfig',
      destinations,
      'an object like { onFailure: { destination: "failed" } }',
    )
  return {
    maximumRetryAttempts: wholeNumber('maximumRetryAttempts', config.maximumRetryAttempts, 2, 0, 2),
    maximumEventAgeInSeconds: wholeNumber(
      'maximumEventAgeInSeconds',
      config.maximumEventAgeInSeconds,
      21_600,
      60,
      21_600,
    ),
    onSuccess: destination(destinations, 'onSuccess'),
    onFailure: destination(destinations, 'onFailure'),
  }
}

function wholeNumber(name: string, value: unknown, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback
  if (typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max) return value
  throw invalid(name, value, `a whole number from ${min} to ${max}`)
}

function destination(destinations: object, key: 'onSuccess' | 'onFailure'): string | undefined {
  const entry: unknown = Reflect.get(destinations, key)
  if (entry === undefined) return undefined
  const name: unknown =
    typeof entry === 'object' && entry !== null ? Reflect.get(entry, 'destination') : undefined
  if (typeof name === 'string' && name.length > 0) return name
  throw invalid(`destinationConfig.${key}`, entry, '{ destination: "<a non-empty name>" }')
}

function invalid(name: string, value: unknown, expected: string): SluiceRuntimeError {
  const shown = typeof value === 'string' ? JSON.stringify(value) : safeJson(value)
  return new SluiceRuntimeError(
    'EVENT_SOURCE_INVALID_OPTION',
    `${name} must be ${expected} (got ${shown}), as Lambda's asynchronous invocation settings allow`,
  )
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value)
  } catch {
    return String(value)
  }
}
