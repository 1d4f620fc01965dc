import { gzipSync } from 'node:zlib'
import { describe, expect, test } from 'vitest'
import { DecodeError, decodeBase64, gunzipCapped } from './decode.ts'

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
