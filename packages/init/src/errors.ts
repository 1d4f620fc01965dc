import { optionChecks, SluiceError } from '@sluice/core'

/**
 * The stable codes of {@link InitError}:
 * - `INIT_INVALID_OPTION`: an option or argument is out of range (`path` names it);
 * - `FETCH_FAILED`: a `cached()` fetch failed and no stale value may be served (`cause` is what the fetcher threw);
 * - `ONCE_REENTERED`: a `once()` factory reached its own accessor (at once or after an await, directly or through
 *   other values it waits on);
 * - `CACHED_REENTERED`: a `cached()` fetcher would wait on its own fetch in the same way;
 * - `SSM_PARAMETERS_INVALID`: SSM returned names in `InvalidParameters` (`names` lists them);
 * - `SECRET_NOT_STRING`: the secret holds `SecretBinary`, not `SecretString`;
 * - `SECRET_NOT_JSON`: `json` was asked for and the secret is not a JSON object;
 * - `SDK_MISSING`: the AWS SDK v3 client package a helper needs is not installed.
 */
export type InitErrorCode =
  | 'INIT_INVALID_OPTION'
  | 'FETCH_FAILED'
  | 'ONCE_REENTERED'
  | 'CACHED_REENTERED'
  | 'SSM_PARAMETERS_INVALID'
  | 'SECRET_NOT_STRING'
  | 'SECRET_NOT_JSON'
  | 'SDK_MISSING'

/** Options of {@link InitError}. */
export interface InitErrorOptions {
  readonly code: InitErrorCode
  readonly cause?: unknown
  readonly path?: ReadonlyArray<PropertyKey>
  /** The parameter or secret names the error is about. */
  readonly names?: readonly string[]
}

/**
 * The error every `@sluice/init` function throws on purpose. Never exposed to callers (status 500): it is
 * about configuration, not about the request.
 *
 * @example
 * try { await config() } catch (error) {
 *   if (error instanceof InitError && error.code === 'SSM_PARAMETERS_INVALID') console.error(error.names)
 * }
 */
export class InitError extends SluiceError {
  override name = 'InitError'
  declare readonly code: InitErrorCode
  /** The parameter or secret names the error is about (`SSM_PARAMETERS_INVALID`), else empty. */
  readonly names: readonly string[]

  constructor(message: string, options: InitErrorOptions) {
    super(message, { code: options.code, cause: options.cause, path: options.path })
    this.names = options.names ?? []
  }
}

const initOptions = optionChecks(
  (message, option) => new InitError(message, { code: 'INIT_INVALID_OPTION', path: [option] }),
)

/**
 * Throws `INIT_INVALID_OPTION` unless `value` is a number of milliseconds in range: finite, or `Infinity` for
 * never; `NaN`, `-Infinity` and anything not a number are refused.
 *
 * @example
 * checkMs('ttlMs', 0, { positive: true }) // throws
 */
export function checkMs(path: string, value: number, options: { positive: boolean }): void {
  const ok = typeof value === 'number' && !Number.isNaN(value) && (options.positive ? value > 0 : value >= 0)
  initOptions.check(
    ok,
    path,
    value,
    `a number of ms ${options.positive ? '> 0' : '≥ 0'}, or Infinity for never`,
  )
}

/**
 * Throws `INIT_INVALID_OPTION` unless `value` is a function.
 *
 * @example
 * checkFunction('random', 1) // throws
 */
export function checkFunction(path: string, value: unknown): void {
  initOptions.check(typeof value === 'function', path, value, 'a function')
}

/**
 * Throws `INIT_INVALID_OPTION` unless `value` is a share from 0 up to (not including) 1.
 *
 * @example
 * checkShare('jitter', 1) // throws
 */
export function checkShare(path: string, value: number): void {
  initOptions.number(path, value, { min: 0, below: 1 })
}

/**
 * Throws `INIT_INVALID_OPTION` unless `value` is one of `allowed` (the message shows any value safely, even one
 * whose `toString` throws).
 *
 * @example
 * checkOneOf('refresh', 'lazy', new Set(['background', 'blocking']), "'background' or 'blocking'") // throws
 */
export function checkOneOf(
  path: string,
  value: unknown,
  allowed: ReadonlySet<unknown>,
  expected: string,
): void {
  initOptions.check(allowed.has(value), path, value, expected)
}
