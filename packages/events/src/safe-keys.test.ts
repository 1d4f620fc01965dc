import fc from 'fast-check'
import { afterEach, describe, expect, test } from 'vitest'
import { parseJson } from './json.ts'
import { isUnsafeKey, setSafe, stripUnsafeKeys } from './safe-keys.ts'
import type { DynamoDbAttributeValue } from './schemas/dynamodb-attribute.ts'
import { unmarshall } from './unmarshall.ts'

const keys = fc.constantFrom('__proto__', 'constructor', 'prototype', 'polluted', 'a', 'b')
// entries, not objects: an object literal cannot hold an own __proto__ key to serialize
const { tree } = fc.letrec<{ tree: Array<[string, unknown]> }>((self) => ({
  tree: fc.array(fc.tuple(keys, fc.oneof({ depthSize: 'small' }, fc.constant(1), self('tree'))), {
    maxLength: 4,
  }),
}))

const jsonText = (entries: Array<[string, unknown]>): string =>
  `{${entries
    .map(
      ([key, value]) =>
        `${JSON.stringify(key)}:${Array.isArray(value) ? jsonText(value as Array<[string, unknown]>) : '1'}`,
    )
    .join(',')}}`

const attributes = (entries: Array<[string, unknown]>): Record<string, DynamoDbAttributeValue> => {
  const out: Record<string, DynamoDbAttributeValue> = {}
  for (const [key, value] of entries) {
    const attribute = Array.isArray(value) ? { M: attributes(value as Array<[string, unknown]>) } : { N: '1' }
    Object.defineProperty(out, key, {
      value: attribute,
      enumerable: true,
      writable: true,
      configurable: true,
    })
  }
  return out
}

/** A deep merge as many applications write one: the pattern prototype pollution exploits. */
function naiveMerge(target: Record<string, unknown>, source: Record<string, unknown>): void {
  for (const key in source) {
    const value = source[key]
    if (typeof value === 'object' && value !== null) {
      if (typeof target[key] !== 'object' || target[key] === null) target[key] = {}
      naiveMerge(target[key] as Record<string, unknown>, value as Record<string, unknown>)
    } else target[key] = value
  }
}

const prototypeUntouched = () => {
  expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain('polluted')
  expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain('a')
  expect(({} as Record<string, unknown>).polluted).toBeUndefined()
}

const mergeEveryWay = (value: Record<string, unknown>) => {
  Object.assign({}, value)
  void { ...value }
  naiveMerge({}, value)
  naiveMerge({}, structuredClone(value))
}

afterEach(() => {
  // a failing case must not leak into the next test
  for (const key of ['polluted', 'a', 'b']) Reflect.deleteProperty(Object.prototype, key)
})

describe('prototype-safe decoders', () => {
  test('isUnsafeKey names exactly __proto__, constructor and prototype', () => {
    expect(['__proto__', 'constructor', 'prototype'].every(isUnsafeKey)).toBe(true)
    expect(['proto', '__proto', 'Constructor', 'toString', ''].some(isUnsafeKey)).toBe(false)
  })

  test('setSafe drops unsafe keys and sets the rest', () => {
    const out: Record<string, unknown> = {}
    setSafe(out, '__proto__', { polluted: 1 })
    setSafe(out, 'constructor', { prototype: { polluted: 1 } })
    setSafe(out, 'id', 'o-1')
    expect(out).toEqual({ id: 'o-1' })
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype)
  })

  test('stripUnsafeKeys walks arrays and objects', () => {
    const value = JSON.parse('[{"a":[{"__proto__":{"x":1},"prototype":2,"k":3}]},{"constructor":{}}]')
    stripUnsafeKeys(value)
    expect(value).toEqual([{ a: [{ k: 3 }] }, {}])
  })

  test('property: parsed JSON merged into {} every way never reaches Object.prototype', () => {
    fc.assert(
      fc.property(tree, (entries) => {
        const value = parseJson(jsonText(entries)) as Record<string, unknown>
        mergeEveryWay(value)
        prototypeUntouched()
        expect(JSON.stringify(value)).not.toMatch(/"(__proto__|constructor|prototype)"/)
      }),
      { numRuns: 300 },
    )
  })

  test('property: unmarshalled DynamoDB images merged into {} every way never reach Object.prototype', () => {
    fc.assert(
      fc.property(tree, (entries) => {
        const value = unmarshall(attributes(entries))
        mergeEveryWay(value)
        prototypeUntouched()
        expect(JSON.stringify(value)).not.toMatch(/"(__proto__|constructor|prototype)"/)
      }),
      { numRuns: 300 },
    )
  })
})
