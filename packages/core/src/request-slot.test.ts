import { describe, expect, test } from 'vitest'
import { requestSlot } from './request-slot.ts'

describe('requestSlot', () => {
  test('keeps one value per request and per slot, a stored undefined included, until it is taken', () => {
    const claims = requestSlot<string>('claims')
    const others = requestSlot<string>('others')
    const first = {}
    const second = {}
    expect(claims.has(first)).toBe(false)
    expect(claims.take(first)).toBeUndefined()
    claims.set(first, 'a')
    claims.set(second, 'b')
    others.set(first, 'other')
    expect([claims.get(first), claims.get(second), others.get(first)]).toEqual(['a', 'b', 'other'])
    expect(claims.take(first)).toBe('a')
    expect(claims.has(first)).toBe(false)
    expect(claims.take(first)).toBeUndefined()
    expect(claims.get(first)).toBeUndefined()
    expect([claims.get(second), others.get(first)]).toEqual(['b', 'other'])

    const originals = requestSlot<unknown>('originals')
    originals.set(first, undefined)
    expect(originals.has(first)).toBe(true)
    expect(originals.take(first)).toBeUndefined()
    expect(originals.has(first)).toBe(false)
  })

  test('leaves nothing enumerable a JSON copy of the request would show', () => {
    const slot = requestSlot<number>('n')
    const request = { event: 1 }
    slot.set(request, 2)
    expect(JSON.stringify(request)).toBe('{"event":1}')
    expect(Object.keys(request)).toEqual(['event'])
  })
})
