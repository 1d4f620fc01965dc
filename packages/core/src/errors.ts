/** Options for {@link SluiceError}. */
export interface SluiceErrorOptions {
  /** Stable, SCREAMING_SNAKE identifier callers and tests can match on. */
  readonly code: string
  /**
   * True when the message is safe to show to the caller (an HTTP client, an API consumer). Default: `status < 500`
   * when a status is given (as middy's `HttpError`), otherwise false.
   */
  readonly expose?: boolean
  /** HTTP-ish status for mappers; 500 unless given (400 when `expose` is true and no status given). */
  readonly status?: number
  /** The error that caused this one. */
  readonly cause?: unknown
  /** Where in the input the problem is, e.g. `['Records', 3, 'body']`. */
  readonly path?: ReadonlyArray<PropertyKey>
}

/**
 * The base class of every error sluice throws. It has the shape of middy's `HttpError` too (`statusCode`,
 * `expose`, `message`), so `@middy/http-error-handler` answers with its status and, when exposed, its message.
 *
 * @example
 * throw new SluiceError('Order id is missing: send { "orderId": "…" }', {
 *   code: 'ORDER_ID_MISSING', expose: true, path: ['body', 'orderId'],
 * })
 */
export class SluiceError extends Error {
  override name = 'SluiceError'
  readonly code: string
  readonly expose: boolean
  readonly status: number
  readonly path: ReadonlyArray<PropertyKey> | undefined

  constructor(message: string, options: SluiceErrorOptions) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause })
    this.code = options.code
    this.expose = options.expose ?? (options.status !== undefined && options.status < 500)
    this.status = options.status ?? (this.expose ? 400 : 500)
    this.path = options.path
  }

  /** `status` under the name middy's `HttpError` and `@middy/http-error-handler` use. */
  get statusCode(): number {
    return this.status
  }

  /** A plain object for logs and responses: what is safe to serialise. */
  toJSON(): { name: string; code: string; message: string; status: number; path?: PropertyKey[] } {
    const json = { name: this.name, code: this.code, message: this.message, status: this.status }
    return this.path === undefined ? json : { ...json, path: [...this.path] }
  }
}

/**
 * Narrows an unknown thrown value to a {@link SluiceError}. Never throws, whatever was thrown (a revoked Proxy
 * throws on `instanceof`).
 *
 * @example
 * if (isSluiceError(error) && error.code === 'TIMEOUT') retryLater()
 */
export const isSluiceError = (error: unknown): error is SluiceError => {
  try {
    return error instanceof SluiceError
  } catch {
    return false
  }
}

/**
 * What a thrown value says, without trusting it: an `Error`'s message, anything else as a string, and a fixed
 * text for a value that throws when read (a revoked Proxy, a `message` getter or `toString` that throws).
 *
 * @example
 * errorMessage(new Error('boom')) // 'boom'
 * errorMessage(42) // '42'
 */
export function errorMessage(error: unknown): string {
  try {
    return error instanceof Error ? String(error.message) : String(error)
  } catch {
    return 'a thrown value that cannot be read'
  }
}

/**
 * Turns anything thrown into a {@link SluiceError}: a SluiceError is returned as it is, anything else becomes
 * `UNHANDLED_ERROR` (not exposed, status 500) with the original as `cause`. Never throws.
 *
 * @example
 * const { code, expose } = toSluiceError(caught)
 */
export const toSluiceError = (error: unknown): SluiceError =>
  isSluiceError(error)
    ? error
    : new SluiceError(errorMessage(error), { code: 'UNHANDLED_ERROR', cause: error })
