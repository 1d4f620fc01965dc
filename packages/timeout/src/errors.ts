import { SluiceError } from '@sluice/core'

// TimeoutError lives in core (batch aborts its records with it too); timeout re-exports it for its users.
export { TimeoutError, type TimeoutFacts } from '@sluice/core'

/**
 * Stable codes of {@link TimeoutOptionError}.
 *
 * @example
 * const code: TimeoutOptionCode = 'TIMEOUT_MARGIN_TOO_LARGE'
 */
export type TimeoutOptionCode = 'TIMEOUT_INVALID_OPTION' | 'TIMEOUT_MARGIN_TOO_LARGE'

/**
 * A timeout guard that cannot work as configured: a bad option (`TIMEOUT_INVALID_OPTION`, thrown by
 * `timeout()` itself, `path` names the option) or a margin that leaves no time to work
 * (`TIMEOUT_MARGIN_TOO_LARGE`, thrown when an invocation starts).
 *
 * @example
 * timeout({ marginShare: 2 }) // throws TimeoutOptionError, code TIMEOUT_INVALID_OPTION, path ['marginShare']
 */
export class TimeoutOptionError extends SluiceError {
  override name = 'TimeoutOptionError'
  declare readonly code: TimeoutOptionCode

  constructor(code: TimeoutOptionCode, message: string, path?: ReadonlyArray<PropertyKey>) {
    super(message, { code, path })
  }
}
