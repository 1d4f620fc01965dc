import type { AttributeValue } from 'aws-lambda'

/**
 * Plain data to a DynamoDB attribute value, the way the DocumentClient writes it: strings `S`, numbers `N`,
 * booleans `BOOL`, null `NULL`, bytes `B` (base64), arrays `L`, objects `M`. `undefined` properties are skipped.
 *
 * @example
 * marshallValue({ total: 12.5, tags: ['a'] }) // { M: { total: { N: '12.5' }, tags: { L: [{ S: 'a' }] } } }
 */
export function marshallValue(value: unknown): AttributeValue {
  if (typeof value === 'string') return { S: value }
  if (typeof value === 'number' || typeof value === 'bigint') return { N: String(value) }
  if (typeof value === 'boolean') return { BOOL: value }
  if (value === null || value === undefined) return { NULL: true }
  if (value instanceof Uint8Array) return { B: Buffer.from(value).toString('base64') }
  if (Array.isArray(value)) return { L: value.map(marshallValue) }
  return { M: marshall(value as Record<string, unknown>) }
}

/**
 * A plain object to a DynamoDB item (see {@link marshallValue}).
 *
 * @example
 * marshall({ pk: 'user-1', visits: 3 }) // { pk: { S: 'user-1' }, visits: { N: '3' } }
 */
export function marshall(item: Readonly<Record<string, unknown>>): Record<string, AttributeValue> {
  const out: Record<string, AttributeValue> = {}
  for (const [name, value] of Object.entries(item)) {
    if (value === undefined) continue
    Object.defineProperty(out, name, {
      value: marshallValue(value),
      enumerable: true,
      writable: true,
      configurable: true,
    })
  }
  return out
}
