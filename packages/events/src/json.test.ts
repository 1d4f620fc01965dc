import { describe, expect, test } from 'vitest'
import { parseJson } from './json.ts'

describe('parseJson', () => {
  test('parses JSON like JSON.parse', () => {
    expect(parseJson('{"a":[1,{"b":null}],"c":"x"}')).toEqual({ a: [1, { b: null }], c: 'x' })
    expect(parseJson('42')).toBe(42)
  })

  test('drops __proto__ keys, so merging the result cannot pollute Object.prototype', () => {
    const parsed = parseJson('{"__proto__":{"polluted":1},"a":{"__proto__":{"polluted":2}},"b":1}') as Record<
      string,
      unknown
    >
    expect(Object.hasOwn(parsed, '__proto__')).toBe(false)
    expect(parsed).toEqual({ a: {}, b: 1 })
    const merged = Object.assign({}, parsed)
    for (const key in parsed) Object.assign(merged, { [key]: parsed[key] })
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(Object.getPrototypeOf(merged)).toBe(Object.prototype)
  })

  test('drops __proto__ spelled with unicode escapes', () => {
    const parsed = parseJson('{"\\u005f_proto__":{"polluted":1},"ok":true}')
    expect(parsed).toEqual({ ok: true })
    expect(Object.hasOwn(parsed as object, '__proto__')).toBe(false)
  })

  test('drops constructor and prototype keys at any depth', () => {
    expect(parseJson('{"constructor":{"prototype":{"polluted":1}},"x":1}')).toEqual({ x: 1 })
    expect(parseJson('{"constructor":"Car","a":[{"prototype":{"p":1},"b":2}]}')).toEqual({ a: [{ b: 2 }] })
  })

  test('cleans nested arrays and deep objects without recursion limits', () => {
    const deep = `${'['.repeat(5000)}{"__proto__":{"p":1},"v":1}${']'.repeat(5000)}`
    let value = parseJson(deep)
    for (let i = 0; i < 5000; i++) value = (value as unknown[])[0]
    expect(value).toEqual({ v: 1 })
  })

  test('throws SyntaxError for text that is not JSON', () => {
    expect(() => parseJson('{nope')).toThrow(SyntaxError)
    expect(() => parseJson('')).toThrow(SyntaxError)
  })
})
