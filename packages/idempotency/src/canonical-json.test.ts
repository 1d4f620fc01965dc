import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { canonicalJson, hashValue } from './canonical-json.ts'

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

describe('canonicalJson', () => {
  test('sorts keys at every depth and follows JSON for the rest', () => {
    expect(canonicalJson({ b: 1, a: [2, { d: 3, c: 4 }] })).toBe('{"a":[2,{"c":4,"d":3}],"b":1}')
    expect(canonicalJson({ at: new Date(0), skip: undefined, list: [undefined, Number.NaN] })).toBe(
      '{"at":"1970-01-01T00:00:00.000Z","list":[null,null]}',
    )
    expect(canonicalJson(undefined)).toBe('null')
  })

  test('equal values give equal text whatever their key order (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(canonicalJson(reorder(value))).toBe(canonicalJson(value))
        expect(hashValue(reorder(value))).toBe(hashValue(value))
      }),
    )
  })

  test('the text is JSON of the same value (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(JSON.parse(canonicalJson(value))).toEqual(JSON.parse(JSON.stringify(value) ?? 'null'))
      }),
    )
  })

  test('different values give different hashes (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (a, b) => {
        const same = canonicalJson(a) === canonicalJson(b)
        expect(hashValue(a) === hashValue(b)).toBe(same)
      }),
    )
    expect(hashValue({ orderId: '1' })).not.toBe(hashValue({ orderId: 1 }))
    expect(hashValue(['a', 'b'])).not.toBe(hashValue(['b', 'a']))
  })

  test('hashes are 43 base64url characters (sha-256)', () => {
    expect(hashValue('x')).toMatch(/^[A-Za-z0-9_-]{43}$/)
  })
})
