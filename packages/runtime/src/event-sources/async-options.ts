import { destinationName, integerOption, invalidSourceOption } from './source-option-checks.ts'

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

/** The name of one destination of `destinationConfig`, when it is set. */
const destination = (destinations: object, key: 'onSuccess' | 'onFailure') =>
  destinationName(
    `destinationConfig.${key}`,
    Reflect.get(destinations, key),
    '{ destination: "<a non-empty name>" }',
  )

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
    throw invalidSourceOption(
      'destinationConfig',
      destinations,
      'an object like { onFailure: { destination: "failed" } }',
    )
  return {
    maximumRetryAttempts: integerOption('maximumRetryAttempts', config.maximumRetryAttempts, 2, [0, 2]),
    maximumEventAgeInSeconds: integerOption(
      'maximumEventAgeInSeconds',
      config.maximumEventAgeInSeconds,
      21_600,
      [60, 21_600],
    ),
    onSuccess: destination(destinations, 'onSuccess'),
    onFailure: destination(destinations, 'onFailure'),
  }
}
