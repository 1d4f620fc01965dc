import { type OptionChecks, optionChecks, SluiceError, type SluiceErrorOptions } from '@sluice/core'

/**
 * Stable codes of {@link TmpError}:
 * - `TMP_NO_SPACE`: less than `minFreeBytes` free in the root, even after sweeping; the handler did not run;
 * - `TMP_PATH_ESCAPE`: a name given to `file()` would leave the scratch directory (`..`, an absolute path, a NUL
 *   byte, a symbolic link pointing out);
 * - `TMP_INVALID_NAME`: a name given to `file()` that is not a non-empty string naming something inside;
 * - `TMP_SCRATCH_CLOSED`: the scratch directory was used after its invocation ended;
 * - `TMP_SCRATCH_UNSAFE`: the scratch directory could not be created as a fresh private directory;
 * - `TMP_INVALID_KEY`: a `tmpCache` key that is not a plain file name;
 * - `TMP_CACHE_ENTRY_TOO_LARGE`: a `tmpCache` value larger than the cache's `maxBytes`;
 * - `TMP_CACHE_DIR_UNSAFE`: the `tmpCache` directory exists but was not created by a `tmpCache` (no marker), is not
 *   a directory, or a link is on its way from the tmp root;
 * - `TMP_INVALID_OPTION`: an option of `tmp()` or `tmpCache()` has a value that cannot work (`path` names it).
 */
export type TmpErrorCode =
  | 'TMP_NO_SPACE'
  | 'TMP_PATH_ESCAPE'
  | 'TMP_INVALID_NAME'
  | 'TMP_SCRATCH_CLOSED'
  | 'TMP_SCRATCH_UNSAFE'
  | 'TMP_INVALID_KEY'
  | 'TMP_CACHE_ENTRY_TOO_LARGE'
  | 'TMP_CACHE_DIR_UNSAFE'
  | 'TMP_INVALID_OPTION'

/** Options of {@link TmpError}. */
export interface TmpErrorOptions extends SluiceErrorOptions {
  readonly code: TmpErrorCode
  /** The name, key or directory that was refused, as it was given. */
  readonly target?: string
}

/**
 * What `@sluice/tmp` throws. `code` is stable; `target` holds the name, key or directory that was refused.
 *
 * @example
 * try { context.tmp.file(userName) } catch (error) {
 *   if (error instanceof TmpError && error.code === 'TMP_PATH_ESCAPE') return { statusCode: 400 }
 * }
 */
export class TmpError extends SluiceError {
  override name = 'TmpError'
  override readonly code: TmpErrorCode
  readonly target: string | undefined

  constructor(message: string, options: TmpErrorOptions) {
    super(message, options)
    this.code = options.code
    this.target = options.target
  }
}

/** A user-given string, shortened and quoted for an error message. */
export const quote = (value: string): string =>
  JSON.stringify(value.length > 120 ? `${value.slice(0, 120)}…` : value)

/**
 * The option checks of `tmp()` and `tmpCache()` (core's shared ones): a refused option throws a {@link TmpError}
 * `TMP_INVALID_OPTION` whose message names the option and the value, with `path: [option]`.
 *
 * @example
 * const maxBytes = tmpOptions.number('maxBytes', input.maxBytes, { integer: true, min: 1 })
 * tmpOptions.check(typeof input.warn === 'function', 'warn', input.warn, 'a function')
 */
export const tmpOptions: OptionChecks = optionChecks(
  (message, option) => new TmpError(message, { code: 'TMP_INVALID_OPTION', path: [option] }),
)
