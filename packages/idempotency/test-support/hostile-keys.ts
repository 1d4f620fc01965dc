import { isDeepStrictEqual } from 'node:util'
import fc from 'fast-check'

// Test-only: key values (well-formed, empty and hostile) and what each means, written from the README's rules and
// independently of canonical-json.ts, so the property tests compare the package with the rules, not with itself.

/** A key that carries no information. */
export const EMPTY = Symbol('empty')
/** A key the package must refuse with IDEMPOTENCY_KEY_INVALID. */
export const INVALID = Symbol('invalid')

const DEPTH = 64

class Point {
  readonly x = 1
}

function nest(levels: number): unknown {
  let value: unknown = 'core'
  for (let i = 0; i < levels; i++) value = [value]
  return value
}

function cyclic(): unknown {
  const order: Record<string, unknown> = { id: 'o-1' }
  order.self = { order }
  return order
}

const throwingGetter = () =>
  Object.defineProperty({ id: 'x' }, 'secret', {
    enumerable: true,
    get() {
      throw new Error('no access')
    },
  })

/** Values the package must refuse, whatever they are nested in. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.bigInt(),
  fc.constantFrom(Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY),
  fc.string().map((description) => Symbol(description)),
  fc.constant(() => 'id'),
  fc.constant(null).map(() => new Map([['id', 1]])),
  fc.constant(null).map(() => new Set(['id'])),
  fc.constant(null).map(() => new Point()),
  fc.constant(null).map(() => new Uint8Array([1, 2])),
  fc.constant(null).map(() => Promise.resolve('id')),
  fc.constant(null).map(cyclic),
  fc.integer({ min: DEPTH + 1, max: DEPTH + 40 }).map(nest),
  fc.constant(null).map(throwingGetter),
  fc.constant(null).map(() => ({ toJSON: () => 10n })),
  fc.constant(null).map(() => ({
    toJSON() {
      throw new Error('cannot write')
    },
  })),
)

const leaf: fc.Arbitrary<unknown> = fc.oneof(
  // Small domains, so that equal keys (and empty ones) come up often.
  fc.constantFrom(undefined, null, Number.NaN, '', 0, -0, false, true, 1, 'a', 'b', 'é', 'e\u0301', '\ud800'),
  fc.string({ maxLength: 4 }),
  fc.integer({ min: -3, max: 3 }),
  fc.double({ noDefaultInfinity: true }),
  fc.date({ noInvalidDate: false }),
  fc.integer({ min: 1, max: 6 }).map(nest),
)

/** Keys built from strings, numbers, booleans, dates, plain objects and arrays, with empty members mixed in. */
export const wellFormedKey: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    leaf,
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom('a', 'b', 'c', '', '__proto__', 'é'), tie('value'), { maxKeys: 3 }),
  ),
})).value

/** Any key: well-formed ones, hostile ones, and well-formed ones with a hostile member. */
export const anyKey: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: wellFormedKey },
  { weight: 1, arbitrary: hostileValue },
  { weight: 1, arbitrary: fc.tuple(wellFormedKey, hostileValue) },
  { weight: 1, arbitrary: fc.record({ id: wellFormedKey, bad: hostileValue }) },
)

/** The same key written differently: keys in reverse order and empty members added (equal meaning). */
export function respelled(value: unknown): unknown {
  try {
    return respell(value, 0)
  } catch {
    return value // a throwing getter or a revoked proxy: nothing to respell
  }
}

function respell(value: unknown, depth: number): unknown {
  if (depth > DEPTH + 50 || value === null || typeof value !== 'object') return value
  if (Array.isArray(value)) return value.map((item) => respell(item, depth + 1))
  if (Object.getPrototypeOf(value) !== Object.prototype) return value
  const entries = Object.entries(value).reverse()
  return Object.fromEntries([
    ['zz', null],
    ...entries.map(([key, item]) => [key, respell(item, depth + 1)]),
    ['yy', ''],
  ])
}

/** A key and a second one: another key, or the same key respelled. */
export const keyPair: fc.Arbitrary<[unknown, unknown]> = fc.oneof(
  fc.tuple(anyKey, anyKey),
  anyKey.map((key): [unknown, unknown] => [key, respelled(key)]),
)

function meaningAt(value: unknown, ancestors: unknown[]): unknown {
  if (value === undefined || value === null || value === '' || Number.isNaN(value)) return EMPTY
  if (typeof value === 'number') return Number.isFinite(value) ? value + 0 : INVALID // -0 means 0
  if (typeof value === 'string' || typeof value === 'boolean') return value
  if (typeof value !== 'object') return INVALID
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? EMPTY : value.toISOString()
  if (ancestors.includes(value) || ancestors.length >= DEPTH) return INVALID
  const inner = [...ancestors, value]
  if (Array.isArray(value)) {
    const items = value.map((item) => meaningAt(item, inner))
    if (items.includes(INVALID)) return INVALID
    return items.every((item) => item === EMPTY) ? EMPTY : items.map((item) => (item === EMPTY ? null : item))
  }
  if (Object.getPrototypeOf(value) !== Object.prototype && Object.getPrototypeOf(value) !== null)
    return INVALID
  const members: [string, unknown][] = []
  for (const key of Object.keys(value)) {
    let member: unknown
    try {
      member = meaningAt((value as Record<string, unknown>)[key], inner)
    } catch {
      return INVALID
    }
    if (member === INVALID) return INVALID
    if (member !== EMPTY) members.push([key, member])
  }
  return members.length === 0 ? EMPTY : Object.fromEntries(members)
}

/**
 * What a key means under the README's rules: {@link EMPTY}, {@link INVALID}, or a plain value that two keys share
 * exactly when they must share a record (compare with {@link sameMeaning}).
 */
export function meaning(value: unknown): unknown {
  try {
    if (
      value !== null &&
      typeof value === 'object' &&
      'toJSON' in value &&
      typeof value.toJSON === 'function'
    ) {
      if (value instanceof Date) return meaningAt(value, [])
      return INVALID // the generated values with their own toJSON all fail
    }
    return meaningAt(value, [])
  } catch {
    return INVALID // a revoked proxy throws on any look
  }
}

/** Whether two meanings are the same key. */
export const sameMeaning = (a: unknown, b: unknown): boolean => isDeepStrictEqual(a, b)
