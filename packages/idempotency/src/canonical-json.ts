import { hash } from 'node:crypto'

/**
 * JSON with object keys sorted at every depth, so equal values give equal text whatever their key order.
 * Follows `JSON.stringify` otherwise: `toJSON` is honoured, `undefined` and functions inside objects are
 * dropped (and become `null` in arrays), non-finite numbers become `null`, a BigInt throws a TypeError.
 *
 * @example
 * canonicalJson({ b: 1, a: [2, { d: 3, c: 4 }] }) // '{"a":[2,{"c":4,"d":3}],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  return encode(value) ?? 'null'
}

function encode(input: unknown): string | undefined {
  const value =
    input !== null &&
    typeof input === 'object' &&
    typeof (input as { toJSON?: unknown }).toJSON === 'function'
      ? (input as { toJSON(): unknown }).toJSON()
      : input
  if (value === null || typeof value !== 'object') return JSON.stringify(value)
  if (Array.isArray(value)) return `[${value.map((item) => encode(item) ?? 'null').join(',')}]`
  const parts: string[] = []
  for (const key of Object.keys(value).sort()) {
    const encoded = encode((value as Record<string, unknown>)[key])
    if (encoded !== undefined) parts.push(`${JSON.stringify(key)}:${encoded}`)
  }
  return `{${parts.join(',')}}`
}

/**
 * sha-256 of the value's {@link canonicalJson}, base64url (43 characters): the idempotency key and payload hash.
 *
 * @example
 * hashValue({ a: 1, b: 2 }) === hashValue({ b: 2, a: 1 }) // true
 */
export function hashValue(value: unknown): string {
  return hash('sha256', canonicalJson(value), 'base64url')
}
