import { setSafe } from './safe-keys.ts'
import type { DynamoDbAttributeValue } from './schemas/dynamodb-attribute.ts'

/**
 * A DynamoDB item as plain data: `S` → string, `N` → number when the number survives the trip through a double
 * exactly (otherwise its string, so nothing is rounded), `BOOL` → boolean, `NULL` → null, `B` → Uint8Array,
 * `SS`/`NS`/`BS` → arrays, `M` → object, `L` → array. Attributes named `__proto__`, `constructor` or `prototype` are
 * dropped at every depth, so merging an image into another object cannot pollute a prototype.
 *
 * @example
 * unmarshall({ id: { S: 'o-1' }, total: { N: '12.50' }, big: { N: '9007199254740993' } })
 * // { id: 'o-1', total: 12.5, big: '9007199254740993' }
 */
export function unmarshall(item: Readonly<Record<string, DynamoDbAttributeValue>>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const name of Object.keys(item)) {
    const value = item[name]
    if (value !== undefined) setSafe(out, name, unmarshallValue(value))
  }
  return out
}

/**
 * One attribute value as plain data (see {@link unmarshall}).
 *
 * @example
 * unmarshallValue({ L: [{ N: '1' }, { S: 'a' }] }) // [1, 'a']
 */
export function unmarshallValue(value: DynamoDbAttributeValue): unknown {
  if ('S' in value) return value.S
  if ('N' in value) return exactNumber(value.N)
  if ('BOOL' in value) return value.BOOL
  if ('NULL' in value) return null
  if ('M' in value) return unmarshall(value.M)
  if ('L' in value) return value.L.map(unmarshallValue)
  if ('SS' in value) return [...value.SS]
  if ('NS' in value) return value.NS.map(exactNumber)
  if ('B' in value) return new Uint8Array(Buffer.from(value.B, 'base64'))
  return value.BS.map((bytes) => new Uint8Array(Buffer.from(bytes, 'base64')))
}

/**
 * A DynamoDB number: a JS number when that loses nothing, otherwise the string. Integers must be safe (|n| < 2^53:
 * ids and counters past it stay strings, never off by a few); decimals must print back as the same decimal value
 * (`'12.50'` → 12.5, but a 25-digit fraction stays a string).
 *
 * @example
 * exactNumber('42') // 42
 * exactNumber('0.1') // 0.1
 * exactNumber('12345678901234567890') // '12345678901234567890'
 */
export function exactNumber(text: string): number | string {
  const value = Number(text)
  if (!Number.isFinite(value) || text.trim() === '') return text
  if (Number.isInteger(value) && !Number.isSafeInteger(value)) return text
  if (String(value) === text) return value
  return canonicalDecimal(String(value)) === canonicalDecimal(text) ? value : text
}

/** `-0012.3400e1` → `-1234e-1`: sign, significant digits, exponent; equal strings mean equal decimal values. */
function canonicalDecimal(text: string): string | undefined {
  const match = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text.trim())
  if (!match) return undefined
  const [, sign = '', whole = '', fraction = '', exponent = '0'] = match
  let digits = `${whole}${fraction}`.replace(/^0+/, '')
  if (digits === '') return '0'
  let exp = Number(exponent) - fraction.length
  const trimmed = digits.replace(/0+$/, '')
  exp += digits.length - trimmed.length
  digits = trimmed
  return `${sign === '-' ? '-' : ''}${digits}e${exp}`
}
