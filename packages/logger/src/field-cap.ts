/**
 * Longest value, in characters, of a field the logger copies from the event or the environment by default:
 * correlation id, record id, X-Ray trace id (ids are 20–60 characters; a 100 KB header is not an id).
 *
 * @example
 * createLogger({ maxFieldLength: MAX_FIELD_LENGTH * 2 })
 */
export const MAX_FIELD_LENGTH = 256

/**
 * A copied field as written: strings up to `max` characters as they are, longer ones cut to `max` and ended
 * with `…`; anything else (a custom `correlationId` function returning an object) left out.
 *
 * @example
 * capField('x'.repeat(100_000), 256)?.length // 257
 */
export const capField = (value: unknown, max: number): string | undefined => {
  if (typeof value !== 'string' || value === '') return undefined
  return value.length <= max ? value : `${value.slice(0, max)}…`
}

/**
 * Runs a lookup on an event or record of any shape (revoked Proxies, throwing getters included); a lookup
 * that throws finds nothing.
 *
 * @example
 * attempt(() => correlationIdOf(event)) // undefined when reading the event throws
 */
export const attempt = <T>(lookup: () => T): T | undefined => {
  try {
    return lookup()
  } catch {
    return undefined
  }
}
