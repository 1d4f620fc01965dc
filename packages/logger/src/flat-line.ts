/**
 * How many leading keys of a line {@link cleanKeys} remembers: one key per position, the last found not secret
 * there. A service logs the same fields in the same order line after line, so a repeated key costs one string
 * comparison instead of a secret check; whatever the keys, it holds at most this many.
 *
 * @example
 * REMEMBERED_KEYS // 16: `{ orderId, cents, express }` remembers 3
 */
export const REMEMBERED_KEYS = 16

// Longer keys are checked each time rather than kept: a remembered key is held until another replaces it.
const REMEMBERED_KEY_LENGTH = 64

/**
 * Keys found not secret by one `isSecret` test, by position in a line (see {@link REMEMBERED_KEYS}). Only
 * meaningful with the test that filled it: make one per test, next to it.
 *
 * @example
 * const isSecret = secretKeyMatcher()
 * const clean = cleanKeys()
 * isFlatAndClean({ orderId: 'o-1' }, isSecret, clean) // true; the next line's orderId skips isSecret
 */
export type CleanKeys = Array<string | undefined>

/**
 * An empty {@link CleanKeys}: no key remembered yet.
 *
 * @example
 * const clean = cleanKeys()
 */
export const cleanKeys = (): CleanKeys => new Array<string | undefined>(REMEMBERED_KEYS).fill(undefined)

// Remembers nothing: for one-off checks (safeValue's) that have no test of their own to pair it with.
const NONE: CleanKeys = []

/**
 * The common log line in one pass without allocating: a plain object whose values are all primitives (no
 * BigInt), with no secret key and no `toJSON`. Such a value is written as it is; anything else, or anything
 * that throws, takes `safeValue`'s full walk. With `clean` (always paired with the same `isSecret`), keys
 * seen at the same position before are not tested again.
 *
 * @example
 * isFlatAndClean({ orderId: 'o-1', cents: 1250 }, secretKeyMatcher()) // true
 * isFlatAndClean({ apiKey: 'k' }, secretKeyMatcher()) // false: a secret to redact
 */
export const isFlatAndClean = (
  value: object,
  isSecret: (key: string) => boolean,
  clean: CleanKeys = NONE,
): boolean => {
  try {
    const proto: unknown = Object.getPrototypeOf(value)
    if (proto !== Object.prototype && proto !== null) return false
    let at = 0
    for (const key in value) {
      const item: unknown = (value as Record<string, unknown>)[key]
      if (typeof item === 'object' ? item !== null : typeof item === 'bigint') return false
      // Only keys that passed the test below are ever stored, so a match is a key known not secret.
      if (clean[at] !== key) {
        if (key === 'toJSON' || isSecret(key)) return false
        if (at < clean.length && key.length <= REMEMBERED_KEY_LENGTH) clean[at] = key
      }
      at++
    }
    return true
  } catch {
    return false
  }
}
