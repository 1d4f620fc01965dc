import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { Lru } from './lru.ts'

describe('Lru', () => {
  test('drops the least recently used entry past maxEntries; a get counts as a use, a peek does not', () => {
    const lru = new Lru<number>({ maxEntries: 2 })
    lru.set('a', 1)
    lru.set('b', 2)
    expect(lru.get('a')).toBe(1)
    lru.set('c', 3)
    expect([...lru.entries()]).toEqual([
      ['a', 1],
      ['c', 3],
    ])
    expect(lru.peek('a')).toBe(1)
    lru.set('d', 4)
    expect(lru.peek('a')).toBeUndefined()
    expect(lru.size).toBe(2)
  })

  test('sums the weights of its entries through sets, replacements and deletes', () => {
    const lru = new Lru<{ size: number }>({ weigh: (value) => value.size })
    lru.set('a', { size: 10 })
    lru.set('b', { size: 5 })
    lru.set('a', { size: 3 })
    expect(lru.weight).toBe(8)
    expect(lru.touch('b')).toBe(true)
    expect(lru.touch('missing')).toBe(false)
    expect(lru.oldest()).toBe('a')
    expect(lru.oldest('a')).toBe('b')
    expect(lru.delete('a')).toBe(true)
    expect(lru.delete('a')).toBe(false)
    expect(lru.weight).toBe(5)
  })

  test('refuses a maxEntries that is not a whole number ≥ 1 with LRU_INVALID_OPTION', () => {
    for (const maxEntries of [0, -1, 1.5, Number.NaN]) {
      expect(() => new Lru({ maxEntries })).toThrow(
        expect.objectContaining({ code: 'LRU_INVALID_OPTION', path: ['maxEntries'] }),
      )
    }
  })

  test('property: agrees with a list model of recency under any sequence of operations', () => {
    const op = fc.oneof(
      fc.record({
        kind: fc.constant('set'),
        key: fc.constantFrom('a', 'b', 'c', 'd', 'e'),
        value: fc.nat(9),
      }),
      fc.record({
        kind: fc.constantFrom('get', 'peek', 'delete'),
        key: fc.constantFrom('a', 'b', 'c', 'd', 'e'),
      }),
    )
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }), fc.array(op, { maxLength: 60 }), (max, ops) => {
        const lru = new Lru<number>({ maxEntries: max, weigh: (value) => value })
        let model: Array<[string, number]> = []
        for (const step of ops) {
          const found = model.find(([key]) => key === step.key)
          if (step.kind === 'set') {
            const entry: [string, number] = [step.key, step.value]
            model = [...model.filter(([key]) => key !== step.key), entry].slice(-max)
            lru.set(step.key, step.value)
          } else if (step.kind === 'get') {
            if (found) model = [...model.filter(([key]) => key !== step.key), found]
            expect(lru.get(step.key)).toBe(found?.[1])
          } else if (step.kind === 'peek') {
            expect(lru.peek(step.key)).toBe(found?.[1])
          } else {
            model = model.filter(([key]) => key !== step.key)
            expect(lru.delete(step.key)).toBe(found !== undefined)
          }
        }
        expect([...lru.entries()]).toEqual(model)
        expect(lru.weight).toBe(model.reduce((sum, [, value]) => sum + value, 0))
      }),
    )
  })
})
