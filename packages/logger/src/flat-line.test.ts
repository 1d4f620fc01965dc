import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { cleanKeys, isFlatAndClean, REMEMBERED_KEYS } from './flat-line.ts'
import { secretKeyMatcher } from './redact.ts'

/** The default matcher, counting the keys it is asked about. */
const countingMatcher = () => {
  const isSecret = secretKeyMatcher()
  const asked: string[] = []
  return {
    asked,
    isSecret: (key: string) => {
      asked.push(key)
      return isSecret(key)
    },
  }
}

describe('isFlatAndClean with remembered keys', () => {
  test('a line repeating the keys of the one before asks the secret test nothing', () => {
    const { asked, isSecret } = countingMatcher()
    const clean = cleanKeys()
    expect(isFlatAndClean({ orderId: 'o-1', cents: 1250, express: true }, isSecret, clean)).toBe(true)
    expect(asked).toEqual(['orderId', 'cents', 'express'])
    expect(isFlatAndClean({ orderId: 'o-2', cents: 99, express: false }, isSecret, clean)).toBe(true)
    expect(asked).toHaveLength(3)
  })

  test('a secret key where a clean key was remembered is still caught, every time', () => {
    const { isSecret } = countingMatcher()
    const clean = cleanKeys()
    expect(isFlatAndClean({ orderId: 'o-1', user: 'ada' }, isSecret, clean)).toBe(true)
    expect(isFlatAndClean({ apiKey: 'k', user: 'ada' }, isSecret, clean)).toBe(false)
    expect(isFlatAndClean({ orderId: 'o-1', password: 'p' }, isSecret, clean)).toBe(false)
    expect(isFlatAndClean({ orderId: 'o-1', user: 'ada' }, isSecret, clean)).toBe(true)
    expect(isFlatAndClean({ orderId: 'o-1', password: 'p' }, isSecret, clean)).toBe(false)
  })

  test('holds at most REMEMBERED_KEYS keys of bounded length, however many different keys are logged', () => {
    const { asked, isSecret } = countingMatcher()
    const clean = cleanKeys()
    for (let i = 0; i < 10_000; i++) isFlatAndClean({ [`key${i}`]: i, [`other${i}`]: i }, isSecret, clean)
    expect(clean).toHaveLength(REMEMBERED_KEYS)
    const wide = Object.fromEntries(Array.from({ length: REMEMBERED_KEYS + 4 }, (_, i) => [`field${i}`, i]))
    const long = { ['x'.repeat(65)]: 1 }
    isFlatAndClean(wide, isSecret, clean)
    isFlatAndClean(long, isSecret, clean)
    asked.length = 0
    isFlatAndClean(wide, isSecret, clean)
    isFlatAndClean(long, isSecret, clean)
    // Keys past the remembered positions, and overlong keys, are tested each time rather than kept.
    expect(asked).toEqual(['field16', 'field17', 'field18', 'field19', 'x'.repeat(65)])
    expect(clean.every((key) => key === undefined || key.length <= 64)).toBe(true)
  })

  test('gives the same answer as without remembered keys, for any sequence of lines', () => {
    const key = fc.oneof(
      fc.constantFrom('orderId', 'cents', 'apiKey', 'token', 'tokenType', 'toJSON', '', '__proto__', 'ssn'),
      fc.string({ maxLength: 8 }),
    )
    const primitive = fc.oneof(
      fc.string(),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.constant(undefined),
    )
    const value = fc.oneof({ weight: 5, arbitrary: primitive }, fc.constant({}), fc.bigInt())
    const line = fc.array(fc.tuple(key, value), { maxLength: REMEMBERED_KEYS + 3 })
    fc.assert(
      fc.property(fc.array(line, { maxLength: 30 }), (lines) => {
        const isSecret = secretKeyMatcher(['ssn', ''])
        const clean = cleanKeys()
        for (const entries of lines) {
          const record: Record<string, unknown> = {}
          for (const [name, item] of entries) {
            Object.defineProperty(record, name, {
              value: item,
              enumerable: true,
              writable: true,
              configurable: true,
            })
          }
          expect(isFlatAndClean(record, isSecret, clean)).toBe(isFlatAndClean(record, isSecret))
        }
      }),
      { numRuns: 300 },
    )
  })
})
