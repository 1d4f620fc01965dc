import { hash } from 'node:crypto'
import { describeValue, errorMessage, isSluiceError, isThenable } from '@sluice/core'
import { IdempotencyError } from './errors.ts'

/**
 * Objects and arrays nested deeper than this are refused with `IDEMPOTENCY_KEY_INVALID` (and never recursed
 * into), so no key can overflow the stack.
 *
 * @example
 * canonicalText(JSON.parse('['.repeat(65) + ']'.repeat(65))) // throws IDEMPOTENCY_KEY_INVALID
 */
export const MAX_KEY_DEPTH = 64

type Path = PropertyKey[]

function invalid(what: string, path: ReadonlyArray<PropertyKey>, reason: string, cause?: unknown) {
  const where = path.length > 0 ? ` at '${path.map(String).join('.')}'` : ''
  return new IdempotencyError(
    `The ${what} cannot be canonicalized${where}: ${reason}. Use strings, numbers, booleans, plain objects, ` +
      'arrays, or values with toJSON (such as Date)',
    { code: 'IDEMPOTENCY_KEY_INVALID', path: [...path], cause },
  )
}

const isPlain = (value: object): boolean => {
  const proto: unknown = Object.getPrototypeOf(value)
  // null-prototype objects, and Object.prototype of this or any other realm (its own prototype is null).
  return proto === null || Object.getPrototypeOf(proto) === null
}

function kindOf(value: object): string {
  if (isThenable(value)) return 'a Promise (key selectors are synchronous)'
  const name: unknown = (Object.getPrototypeOf(value) as { constructor?: { name?: unknown } } | null)
    ?.constructor?.name
  return `a ${typeof name === 'string' && name !== '' ? name : 'non-plain object'}, not a plain object or array`
}

function encode(input: unknown, name: string, path: Path, ancestors: object[], what: string) {
  const value =
    input !== null &&
    typeof input === 'object' &&
    typeof (input as { toJSON?: unknown }).toJSON === 'function'
      ? (input as { toJSON(key: string): unknown }).toJSON(name)
      : input
  switch (typeof value) {
    case 'undefined':
      return undefined
    case 'string':
      return value === '' ? undefined : JSON.stringify(value)
    case 'boolean':
      return value ? 'true' : 'false'
    case 'number':
      if (Number.isNaN(value)) return undefined
      if (!Number.isFinite(value)) throw invalid(what, path, `${describeValue(value)} has no JSON form`)
      return JSON.stringify(value) // -0 is written 0
    case 'object':
      if (value === null) return undefined
      return encodeContainer(value, path, ancestors, what)
    default:
      throw invalid(what, path, typeof value === 'function' ? 'a function' : `a ${typeof value}`)
  }
}

function encodeContainer(value: object, path: Path, ancestors: object[], what: string) {
  if (ancestors.includes(value)) throw invalid(what, path, 'a cycle (the value contains itself)')
  if (ancestors.length >= MAX_KEY_DEPTH)
    throw invalid(what, path, `nested deeper than ${MAX_KEY_DEPTH} levels`)
  if (!Array.isArray(value) && !isPlain(value)) throw invalid(what, path, kindOf(value))
  ancestors.push(value)
  const parts: string[] = []
  let informative = false
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      path.push(i)
      const item = encode(value[i], String(i), path, ancestors, what)
      path.pop()
      if (item !== undefined) informative = true
      parts.push(item ?? 'null')
    }
  } else {
    for (const key of Object.keys(value).sort()) {
      path.push(key)
      const member = encode((value as Record<string, unknown>)[key], key, path, ancestors, what)
      path.pop()
      if (member !== undefined) parts.push(`${JSON.stringify(key)}:${member}`)
    }
    informative = parts.length > 0
  }
  ancestors.pop()
  if (!informative) return undefined
  return Array.isArray(value) ? `[${parts.join(',')}]` : `{${parts.join(',')}}`
}

/**
 * The canonical text of a key (key format 2), or `undefined` when the value carries no information: `undefined`,
 * `null`, `NaN`, `''`, an invalid Date, and objects or arrays whose members are all empty. Object keys are sorted
 * (by UTF-16 code unit), empty members are left out of objects and written `null` in arrays; strings are kept as
 * given (no Unicode normalization); `toJSON` is honoured. Anything else (BigInt, symbols, functions, cycles,
 * ±Infinity, non-plain objects without `toJSON`, nesting past {@link MAX_KEY_DEPTH}, a getter that throws) throws
 * `IDEMPOTENCY_KEY_INVALID` with the path that failed, prefixed by `at`.
 *
 * @example
 * canonicalText({ b: 1, a: ['x', ''], c: null }) // '{"a":["x",null],"b":1}'
 * canonicalText({ orderId: undefined, customer: '' }) // undefined
 */
export function canonicalText(
  value: unknown,
  at: ReadonlyArray<PropertyKey> = [],
  what = 'idempotency key',
): string | undefined {
  const path: Path = [...at]
  try {
    return encode(value, '', path, [], what)
  } catch (error) {
    if (isSluiceError(error) && error instanceof IdempotencyError) throw error
    // A getter, toJSON or proxy trap threw while the value was read: `path` still says where.
    throw invalid(what, path, `reading it threw (${errorMessage(error)})`, error)
  }
}

/**
 * The canonical JSON of a value (the canonical form in the README); `'null'` when it carries no information.
 *
 * @example
 * canonicalJson({ b: 1, a: [2, { d: 3, c: 4 }] }) // '{"a":[2,{"c":4,"d":3}],"b":1}'
 * canonicalJson({ id: 'x', note: null }) // '{"id":"x"}'
 */
export function canonicalJson(value: unknown): string {
  return canonicalText(value) ?? 'null'
}

/**
 * sha-256 of canonical text, base64url (43 characters).
 *
 * @example
 * hashText('"order-1"') // 43 characters
 */
export const hashText = (text: string): string => hash('sha256', text, 'base64url')

/**
 * sha-256 of the value's {@link canonicalJson}, base64url (43 characters): the idempotency key and payload hash.
 *
 * @example
 * hashValue({ a: 1, b: 2 }) === hashValue({ b: 2, a: 1 }) // true
 */
export function hashValue(value: unknown): string {
  return hashText(canonicalJson(value))
}
