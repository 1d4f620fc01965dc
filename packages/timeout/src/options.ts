import { type MiddlewareRequest, optionChecks } from '@sluice/core'
import { type TimeoutError, TimeoutOptionError } from './errors.ts'

/**
 * Where the guard reads the time and schedules its timers. The default is `Date.now` and the global timers
 * (looked up at call time, so vitest fake timers apply); tests may pass `@sluice/testing`'s `createClock()`.
 *
 * @example
 * const clock: TimerSource = createClock(0)
 */
export interface TimerSource {
  now(): number
  setTimeout(callback: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
}

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
  /** Clock and timers; default `Date.now` and the global timers. */
  readonly clock?: TimerSource
}

/**
 * Options after defaults and checks.
 *
 * @example
 * const settings: GuardSettings = resolveOptions({ marginMs: 800 })
 */
export interface GuardSettings {
  readonly marginMs: number
  readonly marginShare: number
  readonly onTimeout: OnTimeout<unknown> | undefined
  readonly flush: ReadonlyArray<() => unknown>
  readonly clock: TimerSource
}

/**
 * The global timers and `Date.now`, read at call time so fake timers installed later still apply.
 *
 * @example
 * systemTimers.clearTimeout(systemTimers.setTimeout(() => {}, 100))
 */
export const systemTimers: TimerSource = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
}

/**
 * The margin for a function timeout: the larger of `marginMs` and `marginShare` of the timeout, in whole ms.
 *
 * @example
 * marginFor(3_000, { marginMs: 500, marginShare: 0.1 }) // 500
 * marginFor(60_000, { marginMs: 500, marginShare: 0.1 }) // 6000
 */
export const marginFor = (
  timeoutMs: number,
  settings: Pick<GuardSettings, 'marginMs' | 'marginShare'>,
): number => Math.ceil(Math.max(settings.marginMs, settings.marginShare * timeoutMs))

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
  const { marginMs = 500, marginShare = 0.1, onTimeout, flush = [], clock = systemTimers } = options
  timeoutOptions.number('marginMs', marginMs, { min: 0 })
  timeoutOptions.number('marginShare', marginShare, { min: 0, below: 1 })
  if (onTimeout !== undefined && typeof onTimeout !== 'function') {
    throw invalid('onTimeout', 'must be a function (request, error) => response')
  }
  if (!Array.isArray(flush) || flush.some((fn) => typeof fn !== 'function')) {
    throw invalid('flush', 'must be an array of functions, e.g. [() => logger.flush()]')
  }
  const timers = ['now', 'setTimeout', 'clearTimeout'] as const
  if (typeof clock !== 'object' || clock === null || timers.some((key) => typeof clock[key] !== 'function')) {
    throw invalid(
      'clock',
      'must have now(), setTimeout() and clearTimeout(), like createClock() from @sluice/testing',
    )
  }
  return { marginMs, marginShare, onTimeout: onTimeout as OnTimeout<unknown> | undefined, flush, clock }
}
