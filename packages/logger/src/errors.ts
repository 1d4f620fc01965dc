import { optionChecks, SluiceError } from '@sluice/core'

/** Stable codes of {@link LoggerError}. */
export type LoggerErrorCode =
  | 'INVALID_LOG_LEVEL'
  | 'LOGGER_INVALID_OPTION'
  | 'INVALID_BUFFER_OPTION'
  | 'INVALID_OMIT_PATH'
  | 'INVALID_LOGGER_OPTIONS'
  | 'PRETTY_UNAVAILABLE'

/**
 * A logger that cannot work as configured. Thrown when the logger or the middleware is created (module
 * scope), never while an invocation logs; `path` names the option.
 *
 * @example
 * logger({ sampleRate: 2 }) // throws LoggerError, code LOGGER_INVALID_OPTION, path ['sampleRate']
 */
export class LoggerError extends SluiceError {
  override name = 'LoggerError'
  declare readonly code: LoggerErrorCode

  constructor(code: LoggerErrorCode, message: string, path?: ReadonlyArray<PropertyKey>) {
    super(message, { code, path })
  }
}

/**
 * The logger's numeric and shape option checks (core's shared rules): a refused option throws
 * `LOGGER_INVALID_OPTION` with the message naming option and value and `path` the option's (`buffer.maxLines`
 * gives `['buffer', 'maxLines']`).
 *
 * @example
 * loggerOptionChecks.number('sampleRate', 2, { min: 0, max: 1 }) // throws LOGGER_INVALID_OPTION
 */
export const loggerOptionChecks = optionChecks(
  (message, option) => new LoggerError('LOGGER_INVALID_OPTION', message, option.split('.')),
)
