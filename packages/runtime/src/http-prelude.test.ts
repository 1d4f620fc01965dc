import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createPreludeSplitter, parsePrelude } from './http-prelude.ts'

const NUL8 = '\0'.repeat(8)

describe('createPreludeSplitter', () => {
  it('holds bytes until the 8 NUL delimiter, then passes the body on', () => {
    const splitter = createPreludeSplitter()
    expect(splitter.push(Buffer.from('{"statusCode":201,'))).toHaveLength(0)
    expect(splitter.prelude).toBeUndefined()
    expect(splitter.push(Buffer.from(`"cookies":["a=1"]}${NUL8}<p>`)).toString()).toBe('<p>')
    expect(splitter.prelude).toEqual({ statusCode: 201, cookies: ['a=1'] })
    expect(splitter.push(Buffer.from('rest\0\0')).toString()).toBe('rest\0\0')
  })

  it('gives the held bytes back as body when no delimiter ever came', () => {
    const splitter = createPreludeSplitter()
    expect(splitter.push(Buffer.from('no prelude'))).toHaveLength(0)
    expect(splitter.end().toString()).toBe('no prelude')
    expect(splitter.prelude).toBeUndefined()
  })

  it('finds the same prelude and body however the bytes are split (property)', () => {
    const prelude = { statusCode: 404, headers: { 'x-a': 'b' }, cookies: ['c=d'] }
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), fc.array(fc.nat(200), { maxLength: 6 }), (body, cuts) => {
        const bytes = Buffer.concat([Buffer.from(JSON.stringify(prelude) + NUL8), body])
        const points = [...new Set(cuts.map((cut) => cut % (bytes.length + 1)))].sort((a, b) => a - b)
        const splitter = createPreludeSplitter()
        const out: Buffer[] = []
        let from = 0
        for (const point of [...points, bytes.length]) {
          out.push(splitter.push(bytes.subarray(from, point)))
          from = point
        }
        out.push(splitter.end())
        expect(splitter.prelude).toEqual(prelude)
        expect(Buffer.concat(out).equals(Buffer.from(body))).toBe(true)
      }),
    )
  })
})

describe('parsePrelude', () => {
  it('keeps the fields Lambda reads with their types and drops the rest', () => {
    expect(parsePrelude('{"statusCode":"200","headers":{"n":1},"cookies":"x","other":true}')).toEqual({
      headers: { n: '1' },
    })
    expect(parsePrelude('not json')).toEqual({})
    expect(parsePrelude('null')).toEqual({})
  })

  it('keeps a __proto__ header as a plain header, off Object.prototype', () => {
    const prelude = parsePrelude('{"headers":{"__proto__":"x","polluted":"no"}}')
    expect(Object.entries(prelude.headers ?? {})).toEqual([
      ['__proto__', 'x'],
      ['polluted', 'no'],
    ])
    expect(Reflect.get(Object.prototype, 'polluted')).toBeUndefined()
  })
})
