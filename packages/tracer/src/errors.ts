import { SluiceError } from '@sluice/core'

/** Stable codes of {@link TracerError}. */
export type TracerErrorCode = 'TRACER_INVALID_OPTION' | 'TRACER_ALREADY_CONFIGURED' | 'TRACER_UNAVAILABLE'

/**
 * A tracer that cannot work as configured: a bad option (`TRACER_INVALID_OPTION`, `path` names it), a second
 * `tracer()` with different options in one container (`TRACER_ALREADY_CONFIGURED`), or tracing on but
 * `@aws-lambda-powertools/tracer` not loadable (`TRACER_UNAVAILABLE`, with the import error as `cause`).
 *
 * @example
 * tracer({ maxMetadataBytes: -1 }) // throws TracerError, code TRACER_INVALID_OPTION, path ['maxMetadataBytes']
 */
export class TracerError extends SluiceError {
  override name = 'TracerError'
  declare readonly code: TracerErrorCode

  constructor(
    code: TracerErrorCode,
    message: string,
    options: { path?: PropertyKey[]; cause?: unknown } = {},
  ) {
    super(message, { code, ...options })
  }
}
