import { describe, expect, test } from 'vitest'
import { compileSelector } from './selector.ts'

describe('compileSelector', () => {
  test('paths read nested fields, array indexes, and fields inside a JSON string body', () => {
    const select = compileSelector(['body.orderId', 'Records.1.messageId'])
    const event = { body: '{"orderId":"o-1"}', Records: [{ messageId: 'm-0' }, { messageId: 'm-1' }] }
    expect(select(event)).toEqual({ found: true, text: '["o-1","m-1"]' })
  })

  test('a missing, null or unparsable step reports the path up to it', () => {
    const select = compileSelector(['body.order.id'])
    expect(select({ body: { order: null } })).toEqual({ found: false, path: ['body', 'order'] })
    expect(select({ body: 'not json' })).toEqual({ found: false, path: ['body', 'order'] })
    expect(select({})).toEqual({ found: false, path: ['body'] })
    expect(compileSelector(['toString'])({})).toEqual({ found: false, path: ['toString'] })
  })

  test('a path whose value carries no information is missing at that path', () => {
    const select = compileSelector(['orderId', 'customer'])
    for (const customer of ['', Number.NaN, {}, [], { name: '' }]) {
      expect(select({ orderId: 'o-1', customer })).toEqual({ found: false, path: ['customer'] })
    }
  })

  test('0 and false are keys', () => {
    expect(compileSelector(['n'])({ n: 0 })).toEqual({ found: true, text: '[0]' })
    expect(compileSelector((e: { b: boolean }) => e.b)({ b: false })).toEqual({ found: true, text: 'false' })
  })

  test('a selector function that gives an empty value, or throws, is missing, with the error as cause', () => {
    const select = compileSelector((event: { order?: { id: string } }) => event.order?.id)
    expect(select({})).toEqual({ found: false, path: [] })
    const both = compileSelector((e: { orderId?: string; customer?: string }) => ({
      orderId: e.orderId,
      customer: e.customer,
    }))
    expect(both({})).toEqual({ found: false, path: [] })
    const throwing = compileSelector((event: { order: { id: string } }) => event.order.id)
    const selected = throwing({} as { order: { id: string } })
    expect(selected).toMatchObject({ found: false, path: [] })
    expect(selected.found === false && selected.cause).toBeInstanceOf(TypeError)
  })

  test('a value that cannot be canonicalized throws IDEMPOTENCY_KEY_INVALID with its full path', () => {
    expect(() => compileSelector(['body.order'])({ body: { order: { total: 10n } } })).toThrow(
      expect.objectContaining({ code: 'IDEMPOTENCY_KEY_INVALID', path: ['body', 'order', 'total'] }),
    )
    expect(() => compileSelector((e: { id: unknown }) => e)({ id: 10n })).toThrow(
      expect.objectContaining({ code: 'IDEMPOTENCY_KEY_INVALID', path: ['id'] }),
    )
  })
})
