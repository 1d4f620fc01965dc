import { errorMessage, SluiceError } from '@sluice/core'

/** The stable codes of {@link IdempotencyError}. */
export type IdempotencyErrorCode =
  | 'IDEMPOTENCY_IN_PROGRESS'
  | 'IDEMPOTENCY_PAYLOAD_MISMATCH'
  | 'IDEMPOTENCY_KEY_MISSING'
  | 'IDEMPOTENCY_KEY_INVALID'
  | 'IDEMPOTENCY_STORE_UNAVAILABLE'
  | 'IDEMPOTENCY_RESULT_TOO_LARGE'
  | 'IDEMPOTENCY_INVALID_OPTION'

// Callers may retry an in-progress request later (409) and must fix a mismatched or keyless one (422, 400); a
// store outage is the service's problem (503) and its message stays private.
const statusOf: Record<IdempotencyErrorCode, { status: number; expose: boolean }> = {
  IDEMPOTENCY_IN_PROGRESS: { status: 409, expose: true },
  IDEMPOTENCY_PAYLOAD_MISMATCH: { status: 422, expose: true },
  IDEMPOTENCY_KEY_MISSING: { status: 400, expose: true },
  // A key that cannot be written is most often request-shaped (a body nested too deep); the message names only
  // the path and the kind of value, so it is safe to show.
  IDEMPOTENCY_KEY_INVALID: { status: 400, expose: true },
  IDEMPOTENCY_STORE_UNAVAILABLE: { status: 503, expose: false },
  IDEMPOTENCY_RESULT_TOO_LARGE: { status: 500, expose: false },
  IDEMPOTENCY_INVALID_OPTION: { status: 500, expose: false },
}

/**
 * Every error `@sluice/idempotency` throws: a {@link SluiceError} with one of the {@link IdempotencyErrorCode}s.
 *
 * @example
 * try { await charge(order) } catch (error) {
 *   if (error instanceof IdempotencyError && error.code === 'IDEMPOTENCY_IN_PROGRESS') return retryLater()
 *   throw error
 * }
 */
export class IdempotencyError extends SluiceError {
  override name = 'IdempotencyError'
  declare readonly code: IdempotencyErrorCode

  constructor(
    message: string,
    options: { code: IdempotencyErrorCode; cause?: unknown; path?: ReadonlyArray<PropertyKey> },
  ) {
    super(message, { ...statusOf[options.code], ...options })
  }
}

/**
 * Whether `error` is an {@link IdempotencyError}, optionally with the given code.
 *
 * @example
 * if (isIdempotencyError(error, 'IDEMPOTENCY_IN_PROGRESS')) return { statusCode: 409 }
 */
export const isIdempotencyError = (error: unknown, code?: IdempotencyErrorCode): error is IdempotencyError =>
  error instanceof IdempotencyError && (code === undefined || error.code === code)

/**
 * Wraps a store client's failure: the caller fails closed and the handler does not run.
 *
 * @example
 * throw storeUnavailable('claim', new Error('connect ECONNREFUSED'))
 */
export const storeUnavailable = (operation: string, cause: unknown): IdempotencyError =>
  new IdempotencyError(
    `The idempotency store failed during ${operation} (${errorMessage(cause)}); ` +
      'the handler was not run again. Check the store is reachable and its client has bounded timeouts.',
    { code: 'IDEMPOTENCY_STORE_UNAVAILABLE', cause },
  )
