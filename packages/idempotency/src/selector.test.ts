import { describe, expect, test } from 'vitest'
import { compileSelector } from './selector.ts'

describe('compileSelector', () => {
  test('paths read nested fields, array indexes, and fields inside a JSON string body', () => {
    const select = compileSelector(['body.orderId', 'Records.1.messageId'])
    const event = { body: '{"orderId":"o-1"}', Records: [{ messageId: 'm-0' }, { messageId: 'm-1' }] }
    expect(select(event)).toEqual({ found: true, value: ['o-1', 'm-1'] })
  })

  test('a missing, null or unparsable step reports the path up to it', () => {
    const select = compileSelector(['body.order.id'])
    expect(select({ body: { order: null } })).toEqual({ found: false, path: ['body', 'order'] })
    expect(select({ body: 'not json' })).toEqual({ found: false, path: ['body', 'order'] })
    expect(select({})).toEqual({ found: false, path: ['body'] })
    expect(compileSelector(['toString'])({})).toEqual({ found: false, path: ['toString'] })
  })

  test('falsy values other than null and undefined are keys', () => {
    expect(compileSelector(['n'])({ n: 0 })).toEqual({ found: true, value: [0] })
    expect(compileSelector((e: { s: string }) => e.s)({ s: '' })).toEqual({ found: true, value: '' })
  })

  test('a selector function that returns nothing or throws is missing, with the error as cause', () => {
    const select = compileSelector((event: { order?: { id: string } }) => event.order?.id)
    expect(select({})).toEqual({ found: false, path: [] })
    const throwing = compileSelector((event: { order: { id: string } }) => event.order.id)
    const selected = throwing({} as { order: { id: string } })
    expect(selected).toMatchObject({ found: false, path: [] })
    expect(selected.found === false && selected.cause).toBeInstanceOf(TypeError)
  })
})
