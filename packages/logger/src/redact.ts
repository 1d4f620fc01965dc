/** What redacted values are replaced with. */
export const REDACTED = '[Redacted]'

/**
 * Key names redacted by default, compared case-insensitively: credential headers (in `headers` and
 * `multiValueHeaders` alike, whatever case API Gateway kept), cookies, and fields named password, secret,
 * token or apiKey.
 */
export const DEFAULT_REDACT_KEYS: readonly string[] = [
  'authorization',
  'proxy-authorization',
  'cookie',
  'cookies',
  'set-cookie',
  'x-api-key',
  'x-amz-security-token',
  'password',
  'secret',
  'token',
  'apikey',
  'api_key',
]

/** How deep into a logged object keys are checked: `{ event: { Records: [{ messageAttributes: { token } }] } }`. */
export const REDACT_DEPTH = 5

const isPlain = (value: object): boolean => {
  const proto = Object.getPrototypeOf(value)
  return proto === Object.prototype || proto === null
}

/**
 * A function that returns the logged object with the values of sensitive keys replaced by `[Redacted]`, at
 * any of the first {@link REDACT_DEPTH} levels (arrays count as a level). It copies only the branches it
 * changes and returns the very same object when nothing matched, so a line without secrets costs a key scan.
 * Class instances (errors, dates, buffers) are left to their serializers.
 *
 * @example
 * const redact = keyRedactor(DEFAULT_REDACT_KEYS)
 * redact({ headers: { Authorization: 'Bearer x' } }) // { headers: { Authorization: '[Redacted]' } }
 */
export const keyRedactor = (
  keys: readonly string[],
): ((value: Record<string, unknown>) => Record<string, unknown>) => {
  const sensitive = new Set(keys.map((key) => key.toLowerCase()))
  // Most keys cannot match by length alone, which spares lower-casing them.
  const lengths = new Set([...sensitive].map((key) => key.length))
  const visit = (value: unknown, depth: number): unknown => {
    if (typeof value !== 'object' || value === null || depth >= REDACT_DEPTH) return value
    if (Array.isArray(value)) {
      let copy: unknown[] | undefined
      for (let i = 0; i < value.length; i++) {
        const item = value[i]
        const next = visit(item, depth + 1)
        if (next !== item) {
          copy ??= [...value]
          copy[i] = next
        }
      }
      return copy ?? value
    }
    if (!isPlain(value)) return value
    const record = value as Record<string, unknown>
    let copy: Record<string, unknown> | undefined
    for (const key of Object.keys(record)) {
      const item = record[key]
      const hit = lengths.has(key.length) && sensitive.has(key.toLowerCase())
      const next = hit ? (item === undefined ? item : REDACTED) : visit(item, depth + 1)
      if (next !== item) {
        copy ??= { ...record }
        copy[key] = next
      }
    }
    return copy ?? value
  }
  return (value) => visit(value, 0) as Record<string, unknown>
}
