import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { exactNumber, unmarshall } from './unmarshall.ts'

describe('unmarshall', () => {
  test('turns every attribute type into plain data', () => {
    const item = unmarshall({
      s: { S: 'x' },
      n: { N: '12.50' },
      t: { BOOL: true },
      z: { NULL: true },
      b: { B: 'aGk=' },
      ss: { SS: ['a', 'b'] },
      ns: { NS: ['1', '2.5'] },
      bs: { BS: ['aGk='] },
      m: { M: { inner: { L: [{ N: '1' }, { S: 'two' }] } } },
    })
    expect(item).toEqual({
      s: 'x',
      n: 12.5,
      t: true,
      z: null,
      b: new Uint8Array(Buffer.from('hi')),
      ss: ['a', 'b'],
      ns: [1, 2.5],
      bs: [new Uint8Array(Buffer.from('hi'))],
      m: { inner: [1, 'two'] },
    })
  })

  test('drops attributes named __proto__, constructor or prototype at every depth', () => {
    const item = unmarshall(
      JSON.parse(
        '{"__proto__":{"M":{"polluted":{"S":"x"}}},"constructor":{"M":{"prototype":{"M":{"p":{"S":"y"}}}}},"a":{"M":{"__proto__":{"N":"1"},"b":{"L":[{"M":{"prototype":{"S":"z"},"c":{"N":"2"}}}]}}}}',
      ),
    )
    expect(item).toEqual({ a: { b: [{ c: 2 }] } })
    expect(Object.getPrototypeOf(item)).toBe(Object.prototype)
    expect(Object.hasOwn(item, '__proto__')).toBe(false)
    expect(Object.hasOwn(item, 'constructor')).toBe(false)
  })
})

describe('exactNumber', () => {
  test('gives numbers that survive a double unchanged, strings otherwise', () => {
    expect(exactNumber('42')).toBe(42)
    expect(exactNumber('-0.1')).toBe(-0.1)
    expect(exactNumber('1E+3')).toBe(1000)
    expect(exactNumber('9007199254740993')).toBe('9007199254740993')
    expect(exactNumber('0.12345678901234567890123')).toBe('0.12345678901234567890123')
    expect(exactNumber('1e400')).toBe('1e400')
  })

  test('property: safe integers become numbers; other integers stay strings, never rounded', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }), (big) => {
        const value = exactNumber(String(big))
        expect(value).toBe(Number.isSafeInteger(Number(big)) ? Number(big) : String(big))
        if (typeof value === 'number') expect(BigInt(value)).toBe(big)
      }),
      { numRuns: 500 },
    )
  })

  test('property: a double written as JavaScript writes it comes back as the same double (unless a huge integer)', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (double) => {
        const value = exactNumber(String(double))
        if (Number.isInteger(double) && !Number.isSafeInteger(double)) expect(value).toBe(String(double))
        else expect(Object.is(value, double === 0 ? 0 : double)).toBe(true)
      }),
      { numRuns: 500 },
    )
  })
})
