import type { CreateLoggerOptions } from './create-logger.ts'
import { LoggerError, loggerOptionChecks } from './errors.ts'
import { type BufferLimits, type BufferOptions, bufferLimits } from './line-buffer.ts'
import type { Logger } from './logger-type.ts'
import { parseOmitPaths } from './omit.ts'

/** Log a payload (`true`) or log it without some dot paths (`{ omit: ['body', 'headers.cookie'] }`). */
export type PayloadLogging = boolean | { readonly omit?: readonly string[] }

/** Options of the `logger()` middleware. */
export interface LoggerOptions extends CreateLoggerOptions {
  /** A root made by `createLogger()` to share with module-scope code; then leave the root options out. */
  readonly root?: Logger
  /** Share of invocations (0–1) logged at debug. Default `POWERTOOLS_LOGGER_SAMPLE_RATE`, else 0. */
  readonly sampleRate?: number
  /** Random source for sampling, `[0, 1)`. Default `Math.random`; inject a seeded one in tests. */
  readonly random?: () => number
  /** Keep lines below the level per invocation and write them only if it fails. Default off. */
  readonly buffer?: boolean | BufferOptions
  /** Log the event at info when the invocation starts (default redactions apply). Default off. */
  readonly logEvent?: PayloadLogging
  /** Log the response at info when the invocation succeeds. Default off. */
  readonly logResponse?: PayloadLogging
  /** Replaces the built-in correlation id rules. */
  readonly correlationId?: (event: unknown) => string | undefined
}

/** The middleware's own settings, checked once when it is created. */
export interface LoggerSettings {
  readonly sampleRate: number
  readonly random: () => number
  readonly buffer: BufferLimits | undefined
  readonly logEvent: ReturnType<typeof parseOmitPaths> | undefined
  readonly logResponse: ReturnType<typeof parseOmitPaths> | undefined
}

const ROOT_OPTIONS = ['level', 'service', 'fieldNames', 'redact', 'pretty', 'destination', 'base'] as const

const sampleRateOf = (option: number | undefined): number => {
  if (option === undefined) {
    const fromEnv = Number(process.env.POWERTOOLS_LOGGER_SAMPLE_RATE ?? '')
    return process.env.POWERTOOLS_LOGGER_SAMPLE_RATE && fromEnv >= 0 && fromEnv <= 1 ? fromEnv : 0
  }
  return loggerOptionChecks.number('sampleRate', option, { min: 0, max: 1 })
}

const payload = (option: PayloadLogging | undefined, name: string) => {
  if (option === undefined || option === false) return undefined
  return parseOmitPaths(option === true ? [] : (option.omit ?? []), [name, 'omit'])
}

/**
 * Checks the middleware options and applies defaults; throws a `LoggerError` naming the option otherwise.
 *
 * @example
 * loggerSettings({ sampleRate: 0.1 }).sampleRate // 0.1
 */
export const loggerSettings = (options: LoggerOptions): LoggerSettings => {
  if (options.root !== undefined) {
    const clash = ROOT_OPTIONS.find((name) => options[name] !== undefined)
    if (clash !== undefined) {
      throw new LoggerError(
        'INVALID_LOGGER_OPTIONS',
        `${clash} configures the root logger, but root was given: pass ${clash} to createLogger() instead`,
        [clash],
      )
    }
  }
  const random = options.random ?? Math.random
  loggerOptionChecks.check(typeof random === 'function', 'random', random, 'a function returning [0, 1)')
  return {
    sampleRate: sampleRateOf(options.sampleRate),
    random,
    buffer: bufferLimits(options.buffer),
    logEvent: payload(options.logEvent, 'logEvent'),
    logResponse: payload(options.logResponse, 'logResponse'),
  }
}
