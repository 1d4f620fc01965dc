import {
  type Clock,
  isClock,
  type MarginOptions,
  type MiddlewareRequest,
  optionChecks,
  systemClock,
} from '@sluice/core'
import { type TimeoutError, TimeoutOptionError } from './errors.ts'

/**
 * Decides the response when the guard fires. It sees the request as far as it got (`event`, `context`, the
 * `response` an after-middleware was working on) and the {@link TimeoutError}; what it returns is the response,
 * what it throws fails the invocation.
 *
 * @example
 * const onTimeout: OnTimeout<{ statusCode: number }> = (request) => ({ statusCode: 503 })
 */
export type OnTimeout<TResponse> = (
  request: MiddlewareRequest,
  error: TimeoutError,
) => TResponse | Promise<TResponse>

/**
 * Options of `timeout()` and `withTimeout()`.
 *
 * @example
 * const options: TimeoutOptions<{ statusCode: number }> = { marginMs: 800, onTimeout: () => ({ statusCode: 503 }) }
 */
export interface TimeoutOptions<TResponse = never> {
  /** Smallest margin before the deadline, in ms. Default 500. */
  readonly marginMs?: number
  /** Margin as a share of the function timeout, from 0 (inclusive) to 1. Default 0.1. */
  readonly marginShare?: number
  /** The response when the guard fires; without it the invocation fails with a `TimeoutError`. */
  readonly onTimeout?: OnTimeout<TResponse>
  /** Log flushers to await when the guard fires (a logger's `flush`); stdout and stderr are always drained. */
  readonly flush?: ReadonlyArray<() => unknown>
  /** Clock and timers (core's `Clock`); default `systemClock`. Tests pass `createClock()` from @sluice/testing. */
  readonly clock?: Clock
}

/**
 * Options after defaults and checks.
 *
 * @example
 * const settings: GuardSettings = resolveOptions({ marginMs: 800 })
 */
export interface GuardSettings extends MarginOptions {
  readonly onTimeout: OnTimeout<unknown> | undefined
  readonly flush: ReadonlyArray<() => unknown>
  readonly clock: Clock
}

const invalid = (name: string, message: string) =>
  new TimeoutOptionError('TIMEOUT_INVALID_OPTION', `timeout(): ${name} ${message}`, [name])

/**
 * The package's numeric option checks (core's shared check): `TIMEOUT_INVALID_OPTION` naming the option and value.
 *
 * @example
 * timeoutOptions.number('marginMs', -1, { min: 0 }) // throws TimeoutOptionError
 */
export const timeoutOptions = optionChecks(
  (message, option) => new TimeoutOptionError('TIMEOUT_INVALID_OPTION', message, [option]),
)

/**
 * Applies defaults and checks every option; a bad one throws `TIMEOUT_INVALID_OPTION` with its name as `path`.
 *
 * @example
 * resolveOptions({}).marginMs // 500
 */
export const resolveOptions = <TResponse>(options: TimeoutOptions<TResponse>): GuardSettings => {
  const { marginMs = 500, marginShare = 0.1, onTimeout, flush = [], clock = systemClock } = options
  timeoutOptions.number('marginMs', marginMs, { min: 0 })
  timeoutOptions.number('marginShare', marginShare, { min: 0, below: 1 })
  if (onTimeout !== undefined && typeof onTimeout !== 'function') {
    throw invalid('onTimeout', 'must be a function (request, error) => response')
  }
  if (!Array.isArray(flush) || flush.some((fn) => typeof fn !== 'function')) {
    throw invalid('flush', 'must be an array of functions, e.g. [() => logger.flush()]')
  }
  if (!isClock(clock)) {
    throw invalid(
      'clock',
      'must have now(), setTimeout() and clearTimeout(), like createClock() from @sluice/testing',
    )
  }
  return { marginMs, marginShare, onTimeout: onTimeout as OnTimeout<unknown> | undefined, flush, clock }
}
