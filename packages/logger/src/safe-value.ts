import { isFlatAndClean } from './flat-line.ts'
import { REDACTED } from './redact.ts'

/**
 * What stands in for a value the logger could not or would not write as it is.
 *
 * @example
 * log.info({ value: revokedProxy }) // "value":"[Unreadable]"
 */
export const PLACEHOLDERS = {
  /** A getter, a Proxy trap or a `toJSON` threw (or the Proxy was revoked). */
  unreadable: '[Unreadable]',
  /** The value contains itself here. */
  circular: '[Circular]',
  /** Deeper than {@link REDACT_DEPTH} levels: not checked for secrets, so not written. */
  tooDeep: '[Too deep]',
  /** Past the {@link MAX_VALUES} keys and items one line may hold: not checked, so not written. */
  tooLarge: '[Too large]',
} as const

/**
 * How many levels of a logged value are checked for secret keys (arrays count as a level); deeper is cut.
 *
 * @example
 * REDACT_DEPTH // 64: { a: { b: … 64 levels … } } is checked, the 65th level is written as '[Too deep]'
 */
export const REDACT_DEPTH = 64

/**
 * How many keys and array items one log line may hold in all; an object or array past that is cut.
 *
 * @example
 * log.info({ ids: new Array(MAX_VALUES + 1).fill(0) }) // "ids":"[Too large]"
 */
export const MAX_VALUES = 100_000

/**
 * How {@link safeValue} treats keys and errors.
 *
 * @example
 * const options: SafeValueOptions = { isSecret: secretKeyMatcher(), error: errorShape('sluice') }
 */
export interface SafeValueOptions {
  /** Whether a key names a secret (its value is replaced by `[Redacted]`). */
  readonly isSecret: (key: string) => boolean
  /** What an Error is written as (pino's or Powertools' shape); may throw, which gives a bare shape. */
  readonly error: (error: Error) => object
}

const UNREAD = Symbol('unread')

/** One property read that never throws: a throwing getter or Proxy trap gives {@link UNREAD}. */
const read = (target: object, key: PropertyKey): unknown => {
  try {
    return (target as Record<PropertyKey, unknown>)[key]
  } catch {
    return UNREAD
  }
}

const written = (value: unknown): unknown => (value === UNREAD ? PLACEHOLDERS.unreadable : value)

// `copy.__proto__ = v` would set the copy's prototype and lose the key; define it as a plain property.
const assign = (copy: Record<string, unknown>, key: string, value: unknown): void => {
  if (key === '__proto__') {
    Object.defineProperty(copy, key, { value, enumerable: true, writable: true, configurable: true })
  } else copy[key] = value
}

class Walk {
  options: SafeValueOptions
  readonly stack: object[] = []
  budget = MAX_VALUES
  constructor(options: SafeValueOptions) {
    this.options = options
  }
}

// One walk object serves every line (logging is synchronous); a line logged from inside a walk (a getter or
// toJSON that logs) finds it taken and makes its own.
let idle: Walk | undefined

const take = (options: SafeValueOptions): Walk => {
  const walk = idle ?? new Walk(options)
  idle = undefined
  walk.options = options
  return walk
}

const giveBack = (walk: Walk): void => {
  walk.stack.length = 0
  walk.budget = MAX_VALUES
  idle = walk
}

const visit = (value: unknown, walk: Walk): unknown => {
  if (typeof value === 'bigint') return value.toString()
  if (typeof value !== 'object' || value === null) return value
  return visitObject(value, walk, false)
}

const visitObject = (value: object, walk: Walk, fresh: boolean): unknown => {
  if (walk.stack.includes(value)) return PLACEHOLDERS.circular
  if (walk.stack.length >= REDACT_DEPTH) return PLACEHOLDERS.tooDeep
  walk.stack.push(value)
  try {
    return inside(value, walk, fresh)
  } catch {
    return PLACEHOLDERS.unreadable
  } finally {
    walk.stack.pop()
  }
}

const inside = (value: object, walk: Walk, fresh: boolean): unknown => {
  if (Array.isArray(value)) return visitArray(value, walk)
  if (value instanceof Error) return visitRecord(walk.options.error(value), walk, true)
  const toJSON = (value as { toJSON?: unknown }).toJSON
  if (typeof toJSON === 'function') {
    // As JSON.stringify would: write what toJSON returns (a Date's string, a Buffer's bytes), checked too.
    const json: unknown = toJSON.call(value, '')
    if (json !== value) return visit(json, walk)
  }
  return visitRecord(value, walk, fresh)
}

const visitArray = (array: readonly unknown[], walk: Walk): unknown => {
  const length = array.length
  if (length > walk.budget) return PLACEHOLDERS.tooLarge
  walk.budget -= length
  let copy: unknown[] | undefined
  for (let i = 0; i < length; i++) {
    const item = read(array, i)
    const next = item === UNREAD ? PLACEHOLDERS.unreadable : visit(item, walk)
    if (copy === undefined && next !== item) {
      copy = []
      for (let j = 0; j < i; j++) copy.push(written(read(array, j)))
    }
    copy?.push(next)
  }
  return copy ?? array
}

const visitRecord = (record: object, walk: Walk, fresh: boolean): unknown => {
  const keys = Object.keys(record)
  if (keys.length > walk.budget) return PLACEHOLDERS.tooLarge
  walk.budget -= keys.length
  const { isSecret } = walk.options
  // Copy on write: a line without secrets or odd values is passed on as it is, not copied.
  let copy: Record<string, unknown> | undefined = fresh ? {} : undefined
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string
    const item = read(record, key)
    const next =
      item === UNREAD
        ? PLACEHOLDERS.unreadable
        : item !== undefined && isSecret(key)
          ? REDACTED
          : visit(item, walk)
    if (copy === undefined && next !== item) {
      copy = {}
      for (let j = 0; j < i; j++) assign(copy, keys[j] as string, written(read(record, keys[j] as string)))
    }
    if (copy !== undefined) assign(copy, key, next)
  }
  return copy ?? record
}

/**
 * `value` as it may be written to a log line: values of secret keys replaced by `[Redacted]` at any depth
 * (arrays included), errors in the style's shape, `toJSON` applied, BigInts as strings, and whatever throws
 * (getters, Proxy traps, revoked Proxies, `toJSON`), loops back, or lies deeper than {@link REDACT_DEPTH} or
 * past {@link MAX_VALUES} replaced by a {@link PLACEHOLDERS placeholder}. Never throws. Copies only the
 * branches it changes: the value itself is never modified, and a clean value comes back as the same object.
 *
 * @example
 * const options = { isSecret: secretKeyMatcher(), error: (e: Error) => ({ message: e.message }) }
 * safeValue({ headers: { Authorization: 'Bearer x' }, n: 1n }, options) // { headers: { Authorization: '[Redacted]' }, n: '1' }
 */
export const safeValue = (value: unknown, options: SafeValueOptions): unknown => {
  if (typeof value === 'object' && value !== null && isFlatAndClean(value, options.isSecret)) return value
  const walk = take(options)
  try {
    return visit(value, walk)
  } finally {
    giveBack(walk)
  }
}

/**
 * Like {@link safeValue}, for fields bound to a child logger: always a new plain object (an Error gives its
 * serialized fields; anything that is not an object, or an array, gives `{}`).
 *
 * @example
 * safeBindings({ tenant: 'acme', apiKey: 'k' }, options) // { tenant: 'acme', apiKey: '[Redacted]' }
 */
export const safeBindings = (value: unknown, options: SafeValueOptions): Record<string, unknown> => {
  if (typeof value !== 'object' || value === null) return {}
  const walk = take(options)
  let safe: unknown
  try {
    safe = visitObject(value, walk, true)
  } finally {
    giveBack(walk)
  }
  if (typeof safe !== 'object' || safe === null || Array.isArray(safe)) return {}
  // pino calls bindings.hasOwnProperty(): a toJSON may have handed back an object without Object.prototype.
  return Object.getPrototypeOf(safe) === Object.prototype ? (safe as Record<string, unknown>) : { ...safe }
}
