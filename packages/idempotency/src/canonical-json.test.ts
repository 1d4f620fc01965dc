import { runInNewContext } from 'node:vm'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { canonicalJson, canonicalText, hashValue, MAX_KEY_DEPTH } from './canonical-json.ts'
import { formatOneText } from './key-format.ts'

const RUNS = { numRuns: 500 }

// Node 24.21's JSON.parse (V8) reuses an object shape across calls by the raw text of an escaped key: once it has
// parsed {"":0,"\\":…}, a later {"":0,"\"":…} comes back with the key \ instead of ". Parsing in a fresh realm
// (its own Object shapes) keeps earlier parses from leaking into this one; canonicalText takes plain objects of
// any realm.
const parseInFreshRealm = (text: string): unknown => runInNewContext('JSON.parse(text)', { text })

/** The same value with every object's keys in reverse order. */
function reorder(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reorder)
  if (value === null || typeof value !== 'object') return value
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([key, item]) => [key, reorder(item)]),
  )
}

function nest(levels: number): unknown {
  let value: unknown = 'core'
  for (let i = 0; i < levels; i++) value = [value]
  return value
}
const invalidAt = (value: unknown) => {
  try {
    canonicalText(value)
  } catch (error) {
    return error
  }
  throw new Error('expected IDEMPOTENCY_KEY_INVALID')
}

describe('canonicalText (key format 2)', () => {
  test('sorts keys at every depth, drops empty members from objects and writes them null in arrays', () => {
    expect(canonicalText({ b: 1, a: [2, { d: 3, c: 4 }] })).toBe('{"a":[2,{"c":4,"d":3}],"b":1}')
    expect(canonicalText({ id: 'x', note: null, tags: [], extra: { gone: '' }, n: Number.NaN })).toBe(
      '{"id":"x"}',
    )
    expect(canonicalText(['x', '', undefined, null, Number.NaN, {}, [[]]])).toBe(
      '["x",null,null,null,null,null,null]',
    )
  })

  test('keys that carry no information are undefined; 0 and false are values', () => {
    for (const empty of [
      undefined,
      null,
      Number.NaN,
      '',
      {},
      [],
      [null, ''],
      { a: { b: [undefined] } },
      new Date(Number.NaN),
    ]) {
      expect(canonicalText(empty)).toBeUndefined()
    }
    expect(canonicalJson({ a: undefined })).toBe('null')
    expect(canonicalText(0)).toBe('0')
    expect(canonicalText(-0)).toBe('0')
    expect(canonicalText(false)).toBe('false')
    expect(canonicalText({ n: 0, f: false })).toBe('{"f":false,"n":0}')
  })

  test('writes dates and other toJSON values as their JSON, and keeps strings as given (no normalization)', () => {
    expect(canonicalText({ at: new Date(0) })).toBe('{"at":"1970-01-01T00:00:00.000Z"}')
    expect(canonicalText(new URL('https://example.com/a'))).toBe('"https://example.com/a"')
    expect(canonicalText('é')).not.toBe(canonicalText('e\u0301'))
    // A lone surrogate is escaped, so it never collides with U+FFFD once hashed as UTF-8.
    expect(canonicalText('\ud800')).toBe('"\\ud800"')
    expect(hashValue('\ud800')).not.toBe(hashValue('\ufffd'))
  })

  test.each([
    ['a BigInt', { id: [1n] }, ['id', 0], 'a bigint'],
    ['a symbol', { id: Symbol('x') }, ['id'], 'a symbol'],
    ['a function', { id: () => 'x' }, ['id'], 'a function'],
    ['Infinity', [Number.POSITIVE_INFINITY], [0], 'Infinity has no JSON form'],
    ['a Map', { ids: new Map() }, ['ids'], 'a Map, not a plain object'],
    ['a class instance', new (class Order {})(), [], 'a Order, not a plain object'],
    ['a Promise', Promise.resolve('x'), [], 'a Promise (key selectors are synchronous)'],
    ['a toJSON that gives a BigInt', { at: { toJSON: () => 1n } }, ['at'], 'a bigint'],
  ])('refuses %s with IDEMPOTENCY_KEY_INVALID and the path that failed', (_name, value, path, reason) => {
    expect(invalidAt(value)).toMatchObject({
      name: 'IdempotencyError',
      code: 'IDEMPOTENCY_KEY_INVALID',
      path,
      status: 400,
    })
    expect((invalidAt(value) as Error).message).toContain(reason)
  })

  test('refuses a cycle at the member that closes it, but not a value shared twice', () => {
    const order: Record<string, unknown> = { id: 'o' }
    order.items = [{ order }]
    expect(invalidAt(order)).toMatchObject({ code: 'IDEMPOTENCY_KEY_INVALID', path: ['items', 0, 'order'] })
    const shared = { sku: 's' }
    expect(canonicalText([shared, shared])).toBe('[{"sku":"s"},{"sku":"s"}]')
  })

  test(`accepts ${MAX_KEY_DEPTH} nested levels and refuses one more without recursing further`, () => {
    expect(canonicalText(nest(MAX_KEY_DEPTH))).toBe(`${'['.repeat(64)}"core"${']'.repeat(64)}`)
    const error = invalidAt(nest(100_000))
    expect(error).toMatchObject({ code: 'IDEMPOTENCY_KEY_INVALID' })
    expect((error as { path: unknown[] }).path).toHaveLength(MAX_KEY_DEPTH)
  })

  test('a getter, toJSON or proxy that throws is IDEMPOTENCY_KEY_INVALID with the path and the cause', () => {
    const getter = Object.defineProperty({}, 'id', {
      enumerable: true,
      get: () => {
        throw new Error('denied')
      },
    })
    const error = invalidAt({ order: getter })
    expect(error).toMatchObject({ code: 'IDEMPOTENCY_KEY_INVALID', path: ['order', 'id'] })
    expect((error as Error).cause).toMatchObject({ message: 'denied' })
    const { proxy, revoke } = Proxy.revocable({}, {})
    revoke()
    expect(invalidAt({ p: proxy })).toMatchObject({ code: 'IDEMPOTENCY_KEY_INVALID', path: ['p'] })
    expect(
      invalidAt({
        toJSON: () => {
          throw new Error('no')
        },
      }),
    ).toMatchObject({ code: 'IDEMPOTENCY_KEY_INVALID', path: [] })
  })

  test('equal values give equal text whatever their key order (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(canonicalText(reorder(value))).toBe(canonicalText(value))
      }),
      RUNS,
    )
  })

  test('the text is canonical JSON: parsing and writing it again gives the same text (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = canonicalText(value)
        if (text !== undefined) expect(canonicalText(parseInFreshRealm(text))).toBe(text)
      }),
      RUNS,
    )
  })

  test('a key without empty members keeps the text (and hash) key format 1 gave it (property)', () => {
    const informative = fc.jsonValue().filter((value) => !JSON.stringify(value).match(/null|""|\{\}|\[\]/))
    fc.assert(
      fc.property(informative, (value) => {
        expect(canonicalText(value)).toBe(formatOneText((v: unknown) => v, value))
      }),
      RUNS,
    )
  })

  test('hashes are equal exactly when the texts are, 43 base64url characters (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (a, b) => {
        expect(hashValue(a) === hashValue(b)).toBe(canonicalJson(a) === canonicalJson(b))
        expect(hashValue(a)).toMatch(/^[A-Za-z0-9_-]{43}$/)
      }),
      RUNS,
    )
    expect(hashValue({ orderId: '1' })).not.toBe(hashValue({ orderId: 1 }))
    expect(hashValue(['a', 'b'])).not.toBe(hashValue(['b', 'a']))
  })
})
