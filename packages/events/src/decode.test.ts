import { gzipSync } from 'node:zlib'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { DecodeError, decodeBase64, gunzipCapped, isStrictBase64, MAX_EVENT_BYTES } from './decode.ts'

describe('decodeBase64', () => {
  test('decodes padded standard base64', () => {
    expect(decodeBase64('aGVsbG8=').toString()).toBe('hello')
    expect(decodeBase64('').length).toBe(0)
  })

  test.each(['aGVsbG8', 'aGV sbG8=', 'aGVsbG8*', 'aGVsbG8==='])(
    'rejects %j instead of skipping characters',
    (text) => {
      expect(() => decodeBase64(text)).toThrow(expect.objectContaining({ kind: 'base64' }))
    },
  )

  test("decodes a payload near Lambda's 6 MB limit (4.7 M characters) without a RangeError", () => {
    const bytes = Buffer.alloc(3_500_000, 7)
    const text = bytes.toString('base64')
    expect(text.length).toBeGreaterThan(4_600_000)
    expect(decodeBase64(text).equals(bytes)).toBe(true)
    expect(() => decodeBase64(`${text.slice(0, -4)}*AAA`)).toThrow(DecodeError)
  })

  test('refuses base64 longer than any Lambda event (6 MB) as too-large, before validating it', () => {
    expect(() => decodeBase64('A'.repeat(MAX_EVENT_BYTES + 4))).toThrow(
      expect.objectContaining({ kind: 'too-large' }),
    )
    expect(decodeBase64('A'.repeat(MAX_EVENT_BYTES)).length).toBe((MAX_EVENT_BYTES / 4) * 3)
  })

  test('accepts exactly the padded standard base64 grammar (property, against the regex on short input)', () => {
    const grammar = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/
    const alphabet = fc.constantFrom(...'ABCXYZabcxyz0189+/=*- \n\u00e9'.split(''))
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ unit: alphabet, maxLength: 24 }), fc.base64String(), fc.string()),
        (text) => {
          expect(isStrictBase64(text)).toBe(grammar.test(text))
        },
      ),
      { numRuns: 2000 },
    )
  })
})

describe('gunzipCapped', () => {
  test('inflates gzip within the cap', () => {
    expect(gunzipCapped(gzipSync('hello'), 10).toString()).toBe('hello')
  })

  test('stops a gzip bomb at the cap: a 10 KB input inflating to 10 MB fails as too-large', () => {
    const bomb = gzipSync(Buffer.alloc(10 * 1024 * 1024))
    expect(bomb.length).toBeLessThan(20 * 1024)
    const error = (() => {
      try {
        gunzipCapped(bomb, 1024 * 1024)
      } catch (thrown) {
        return thrown
      }
    })()
    expect(error).toBeInstanceOf(DecodeError)
    expect(error).toMatchObject({ kind: 'too-large' })
  })

  test('reports bytes that are not gzip', () => {
    expect(() => gunzipCapped(Buffer.from('plain text'), 1024)).toThrow(
      expect.objectContaining({ kind: 'gzip' }),
    )
  })
})
