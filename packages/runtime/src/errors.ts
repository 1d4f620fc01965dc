import { SluiceError } from '@sluice/core'

/** Stable codes of {@link SluiceRuntimeError}; callers branch on these, never on messages. */
export type SluiceRuntimeErrorCode =
  | 'HANDLER_SPEC_INVALID'
  | 'HANDLER_FILE_NOT_FOUND'
  | 'EVENT_FILE_NOT_FOUND'
  | 'EVENT_NOT_JSON'
  | 'EVENT_BUILDER_FAILED'
  | 'PORT_IN_USE'
  | 'RUNTIME_INVALID_OPTION'
  | 'INVALID_ARGUMENT'
  | 'HANDLER_NOT_LOADABLE'
  | 'RESERVED_ENV_VARIABLE'
  | 'RUNTIME_STOPPED'
  | 'CONTAINER_START_FAILED'
  | 'BUNDLE_FAILED'
  | 'HANDLER_EXPORT_MISSING'
  | 'INCLUDE_NOT_FOUND'
  | 'PACKAGE_TOO_LARGE'
  | 'EVENT_SOURCE_INVALID_OPTION'
  | 'EVENT_SOURCE_PAYLOAD_TOO_LARGE'
  | 'EVENT_SOURCE_INVALID_MESSAGE'
  | 'EVENT_SOURCE_STOPPED'
  | 'EVENT_SOURCE_NOT_QUIET'
  | 'DEV_CONFIG_NOT_FOUND'
  | 'DEV_CONFIG_INVALID'
  | 'HTTP_ROUTE_INVALID'

/**
 * The one error class of `@sluice/runtime`: a stable `code`, a message that says what to do, and the `cause`.
 *
 * @example
 * try { await startRuntime({ handler: 'nope.ts#handler' }) }
 * catch (error) { if (error instanceof SluiceRuntimeError && error.code === 'HANDLER_FILE_NOT_FOUND') … }
 */
export class SluiceRuntimeError extends SluiceError {
  override readonly name = 'SluiceRuntimeError'
  declare readonly code: SluiceRuntimeErrorCode

  constructor(code: SluiceRuntimeErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, { code, cause: options?.cause })
  }
}
