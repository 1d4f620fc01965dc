import { quote, TmpError } from './errors.ts'

/** Longest key in UTF-8 bytes: Linux's limit for one file name. */
export const MAX_KEY_BYTES = 255

/**
 * Throws `TMP_INVALID_KEY` unless `key` can be a file name of its own in the cache directory: a non-empty string of
 * at most 255 UTF-8 bytes with no `/`, `\`, NUL or leading `.` (which would name `.`/`..` or a temporary file).
 * Hash anything else: `createHash('sha256').update(url).digest('hex')`.
 *
 * @example
 * checkKey('inter-4.0.woff2') // ok
 * checkKey('../etc/passwd') // TmpError TMP_INVALID_KEY
 */
export function checkKey(key: unknown): asserts key is string {
  const ok =
    typeof key === 'string' &&
    key.length > 0 &&
    !key.startsWith('.') &&
    !/[/\\\0]/.test(key) &&
    Buffer.byteLength(key) <= MAX_KEY_BYTES
  if (ok) return
  const shown = typeof key === 'string' ? quote(key) : typeof key
  throw new TmpError(
    `The cache key ${shown} is not a plain file name: use 1 to ${MAX_KEY_BYTES} bytes without "/", "\\", NUL or a ` +
      'leading ".", or hash it (sha256 hex)',
    { code: 'TMP_INVALID_KEY', target: typeof key === 'string' ? key : undefined, expose: true },
  )
}

/** Whether `name` could be a key (entries of the cache directory that could not are someone else's). */
export const isKeyName = (name: string): boolean => {
  try {
    checkKey(name)
    return true
  } catch {
    return false
  }
}
