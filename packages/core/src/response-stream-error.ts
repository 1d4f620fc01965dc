import { SluiceError } from './errors.ts'

/**
 * Stable codes of {@link ResponseStreamError}.
 *
 * @example
 * const code: ResponseStreamErrorCode = 'STREAM_PRELUDE_TOO_LATE'
 */
export type ResponseStreamErrorCode =
  | 'STREAM_INVALID_RESPONSE'
  | 'STREAM_PRELUDE_TOO_LATE'
  | 'STREAM_ALREADY_ENDED'
  | 'STREAM_NOT_OPEN'

/**
 * A streaming handler used its response stream in a way Lambda cannot send: a return value that is not a body
 * (`STREAM_INVALID_RESPONSE`), an HTTP status or a Content-Type after the body started (`STREAM_PRELUDE_TOO_LATE`),
 * a body returned after the handler ended the stream itself (`STREAM_ALREADY_ENDED`), or the inner handler of
 * `streamify()` called without the stream (`STREAM_NOT_OPEN`). Status 500, not exposed.
 *
 * @example
 * if (error instanceof ResponseStreamError && error.code === 'STREAM_PRELUDE_TOO_LATE') moveStatusUp()
 */
export class ResponseStreamError extends SluiceError {
  override name = 'ResponseStreamError'
  declare readonly code: ResponseStreamErrorCode

  constructor(code: ResponseStreamErrorCode, message: string) {
    super(message, { code })
  }
}
