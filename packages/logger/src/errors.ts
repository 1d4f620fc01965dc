import { SluiceError } from '@sluice/core'

/** Stable codes of {@link LoggerError}. */
export type LoggerErrorCode =
  | 'INVALID_LOG_LEVEL'
  | 'INVALID_SAMPLE_RATE'
  | 'INVALID_BUFFER_OPTION'
  | 'INVALID_OMIT_PATH'
  | 'INVALID_LOGGER_OPTIONS'
  | 'PRETTY_UNAVAILABLE'

/**
 * A logger that cannot work as configured. Thrown when the logger or the middleware is created (module
 * scope), never while an invocation logs; `path` names the option.
 *
 * @example
 * logger({ sampleRate: 2 }) // throws LoggerError, code INVALID_SAMPLE_RATE, path ['sampleRate']
 */
export class LoggerError extends SluiceError {
  override name = 'LoggerError'
  declare readonly code: LoggerErrorCode

  constructor(code: LoggerErrorCode, message: string, path?: ReadonlyArray<PropertyKey>) {
    super(message, { code, path })
  }
}
