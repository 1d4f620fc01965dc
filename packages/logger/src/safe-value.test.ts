import { describe, expect, test } from 'vitest'
import { errorShape } from './error-shape.ts'
import { isFlatAndClean } from './flat-line.ts'
import { REDACTED, secretKeyMatcher } from './redact.ts'
import { MAX_VALUES, PLACEHOLDERS, REDACT_DEPTH, safeBindings, safeValue } from './safe-value.ts'

const options = { isSecret: secretKeyMatcher(), error: errorShape('sluice') }
const safe = (value: unknown) => safeValue(value, options)

const revoked = () => {
  const { proxy, revoke } = Proxy.revocable({ a: 1 }, {})
  revoke()
  return proxy
}

describe('safeValue', () => {
  test('returns the very same object when nothing needs changing, so clean lines are not copied', () => {
    const value = { a: 1, nested: { b: [1, { c: 'x' }] }, list: ['a', 'b'] }
    expect(safe(value)).toBe(value)
  })

  test('passes a flat line without secrets as it is, and sends anything else to the full walk', () => {
    const clean = (value: object) => isFlatAndClean(value, options.isSecret)
    expect(clean({ orderId: 'o-1', cents: 1250, express: true, none: null, gone: undefined })).toBe(true)
    expect(clean({ apiKey: 'k' })).toBe(false)
    expect(clean({ nested: {} })).toBe(false)
    expect(clean({ n: 1n })).toBe(false)
    expect(clean({ toJSON: 'x' })).toBe(false)
    expect(clean(new Error('e'))).toBe(false)
    expect(clean(revoked())).toBe(false)
  })

  test('copies only the branches it changes and never modifies the value', () => {
    const value = { clean: { a: 1 }, dirty: { password: 'p', keep: 2 } }
    const result = safe(value) as typeof value
    expect(result).toEqual({ clean: { a: 1 }, dirty: { password: REDACTED, keep: 2 } })
    expect(result.clean).toBe(value.clean)
    expect(value.dirty.password).toBe('p')
  })

  test('a revoked Proxy, throwing getters and throwing Proxy traps become [Unreadable], the rest stays', () => {
    const getter = Object.defineProperty({ ok: 1 }, 'bad', {
      enumerable: true,
      get: () => {
        throw new Error('no')
      },
    })
    const trap = new Proxy(
      {},
      {
        ownKeys: () => {
          throw new Error('no keys')
        },
      },
    )
    expect(safe({ revoked: revoked(), getter, trap, list: [revoked()] })).toEqual({
      revoked: PLACEHOLDERS.unreadable,
      getter: { ok: 1, bad: PLACEHOLDERS.unreadable },
      trap: PLACEHOLDERS.unreadable,
      list: [PLACEHOLDERS.unreadable],
    })
  })

  test('cycles become [Circular]; shared (non-cyclic) objects are written each time', () => {
    const loop: Record<string, unknown> = { name: 'loop' }
    loop.self = loop
    const shared = { n: 1 }
    expect(safe({ loop, a: shared, b: shared })).toEqual({
      loop: { name: 'loop', self: PLACEHOLDERS.circular },
      a: { n: 1 },
      b: { n: 1 },
    })
  })

  test('BigInts become strings; symbols and functions are left for JSON to drop', () => {
    const fn = () => 1
    const sym = Symbol('s')
    expect(safe({ big: 12345678901234567890n, fn, sym })).toEqual({ big: '12345678901234567890', fn, sym })
  })

  test('toJSON is applied and its result checked; a toJSON that throws gives [Unreadable]', () => {
    const date = new Date(0)
    const custom = { toJSON: () => ({ token: 't', ok: 1 }) }
    const broken = {
      toJSON: () => {
        throw new Error('no')
      },
    }
    expect(safe({ date, custom, broken })).toEqual({
      date: '1970-01-01T00:00:00.000Z',
      custom: { token: REDACTED, ok: 1 },
      broken: PLACEHOLDERS.unreadable,
    })
  })

  test('errors anywhere are written in the style shape, with secrets in their fields redacted', () => {
    const error = Object.assign(new Error('request failed'), {
      config: { headers: { Authorization: 'Bearer x' } },
    })
    const result = safe({ nested: { error } }) as { nested: { error: Record<string, unknown> } }
    expect(result.nested.error).toMatchObject({
      type: 'Error',
      message: 'request failed',
      config: { headers: { Authorization: REDACTED } },
    })
    expect(JSON.stringify(result)).not.toContain('Bearer x')
  })

  test('errors with odd causes: cyclic, throwing, frozen, a revoked Proxy as cause', () => {
    const cyclic = new Error('a')
    cyclic.cause = new Error('b', { cause: cyclic })
    const throwing = new Error('c')
    Object.defineProperty(throwing, 'cause', {
      get: () => {
        throw new Error('no cause')
      },
    })
    const frozen = Object.freeze(new Error('frozen'))
    const proxied = new Error('d', { cause: revoked() })
    for (const error of [cyclic, throwing, frozen, proxied]) {
      const result = safe({ error }) as { error: Record<string, unknown> }
      expect(JSON.stringify(result)).toContain('"message"')
    }
    const powertools = safeValue({ cyclic }, { ...options, error: errorShape('powertools') })
    expect(JSON.stringify(powertools)).toContain('[Circular]')
  })

  test(`values deeper than ${REDACT_DEPTH} levels are cut, not written unchecked`, () => {
    let value: unknown = { password: 'deep' }
    for (let i = 0; i < REDACT_DEPTH + 10; i++) value = { next: value }
    const line = JSON.stringify(safe(value))
    expect(line).toContain(PLACEHOLDERS.tooDeep)
    expect(line).not.toContain('deep"')
  })

  test(`a line holds at most ${MAX_VALUES} keys and items; larger objects and arrays are cut`, () => {
    const big = Array.from({ length: MAX_VALUES + 1 }, (_, i) => i)
    expect(safe({ big, small: [1] })).toEqual({ big: PLACEHOLDERS.tooLarge, small: [1] })
    // A DAG that doubles at every level would take 2^40 steps to walk; the budget stops it.
    let dag: unknown = { leaf: 1 }
    for (let i = 0; i < 40; i++) dag = { a: dag, b: dag }
    expect(JSON.stringify(safe(dag))).toContain(PLACEHOLDERS.tooLarge)
  })

  test('a __proto__ key is kept as a plain key, never as a prototype', () => {
    const value = JSON.parse('{"__proto__": {"token": "t"}, "a": 1}') as object
    const result = safe(value) as Record<string, unknown>
    expect(Object.getPrototypeOf(result)).toBe(Object.prototype)
    expect(JSON.stringify(result)).toBe('{"__proto__":{"token":"[Redacted]"},"a":1}')
  })
})

describe('safeBindings', () => {
  test('always a new plain object; anything but an object binds nothing', () => {
    const bindings = Object.assign(Object.create(null) as object, { tenant: 'acme', apiKey: 'k' })
    const result = safeBindings(bindings, options)
    expect(result).not.toBe(bindings)
    expect(Object.getPrototypeOf(result)).toBe(Object.prototype)
    expect(result).toEqual({ tenant: 'acme', apiKey: REDACTED })
    for (const value of [null, undefined, 'text', 42, [1, 2], revoked()]) {
      expect(safeBindings(value, options)).toEqual({})
    }
  })
})
