import { describe, expect, test } from 'vitest'
import { deepMerge, eventPatch, recordPartials } from './deep-merge.ts'

describe('deepMerge', () => {
  test('merges objects key by key and replaces arrays and scalars', () => {
    const base = { a: { b: 1, c: 2 }, list: [1, 2], s: 'x', n: null as number | null }
    expect(deepMerge(base, { a: { c: 3 }, list: [9], n: 4 })).toEqual({
      a: { b: 1, c: 3 },
      list: [9],
      s: 'x',
      n: 4,
    })
  })

  test('undefined in the patch keeps the base value; null replaces it', () => {
    const base = { a: 1 as number | null, b: 2 }
    expect(deepMerge(base, { a: undefined, b: 3 })).toEqual({ a: 1, b: 3 })
    expect(deepMerge(base, { a: null })).toEqual({ a: null, b: 2 })
  })

  test('modifies neither argument', () => {
    const base = { a: { b: 1 } }
    const patch = { a: { b: 2 } }
    deepMerge(base, patch)
    expect(base).toEqual({ a: { b: 1 } })
    expect(patch).toEqual({ a: { b: 2 } })
  })

  test('a __proto__ key in the patch becomes a property, not a prototype', () => {
    const merged = deepMerge<Record<string, unknown>>({}, JSON.parse('{"__proto__":{"polluted":1}}'))
    expect(Object.getPrototypeOf(merged)).toBe(Object.prototype)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })
})

describe('recordPartials and eventPatch', () => {
  test('a count gives that many empty partials, an array its elements; counts are checked', () => {
    expect(recordPartials(2)).toEqual([undefined, undefined])
    expect(recordPartials(undefined)).toHaveLength(1)
    expect(recordPartials([{ a: 1 }])).toEqual([{ a: 1 }])
    expect(() => recordPartials(-1)).toThrow(
      expect.objectContaining({ code: 'INVALID_OPTION', path: 'records' }),
    )
  })

  test('eventPatch drops the source options', () => {
    expect(eventPatch({ region: 'eu-west-1', accountId: '1', clock: { now: () => 0 }, Step: 'x' })).toEqual({
      Step: 'x',
    })
  })
})
