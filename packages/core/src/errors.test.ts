import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { errorMessage, isSluiceError, SluiceError, toSluiceError } from './errors.ts'

describe('SluiceError', () => {
  test('carries a stable code, expose, status, path and cause', () => {
    const cause = new Error('low level')
    const error = new SluiceError('Order id is missing', {
      code: 'ORDER_ID_MISSING',
      expose: true,
      path: ['body', 'orderId'],
      cause,
    })
    expect(error).toBeInstanceOf(Error)
    expect(error).toMatchObject({ name: 'SluiceError', code: 'ORDER_ID_MISSING', expose: true, status: 400 })
    expect(error.cause).toBe(cause)
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      name: 'SluiceError',
      code: 'ORDER_ID_MISSING',
      message: 'Order id is missing',
      status: 400,
      path: ['body', 'orderId'],
    })
  })

  test('is not exposed and is a 500 by default', () => {
    expect(new SluiceError('x', { code: 'X' })).toMatchObject({ expose: false, status: 500, path: undefined })
  })

  test('has the shape of middy HttpError: statusCode mirrors status, not serialised twice', () => {
    const error = new SluiceError('Order id is missing', { code: 'ORDER_ID_MISSING', expose: true })
    expect(error.statusCode).toBe(400)
    expect(new SluiceError('x', { code: 'X', status: 409 }).statusCode).toBe(409)
    expect(new SluiceError('x', { code: 'X' }).statusCode).toBe(500)
    expect(Object.keys(error)).not.toContain('statusCode')
    expect(Object.keys(JSON.parse(JSON.stringify(error)))).toEqual(['name', 'code', 'message', 'status'])
  })

  test('a given status decides expose as middy does (below 500), unless expose is given', () => {
    for (const status of [400, 404, 409, 422, 499]) {
      expect(new SluiceError('x', { code: 'X', status })).toMatchObject({
        expose: true,
        status,
        statusCode: status,
      })
    }
    for (const status of [500, 502, 503, 504]) {
      expect(new SluiceError('x', { code: 'X', status })).toMatchObject({ expose: false, status })
    }
    expect(new SluiceError('x', { code: 'X', status: 404, expose: false }).expose).toBe(false)
    expect(new SluiceError('x', { code: 'X', status: 503, expose: true }).expose).toBe(true)
    expect(new SluiceError('x', { code: 'X', expose: false })).toMatchObject({ expose: false, status: 500 })
  })

  test('subclasses keep their name and are still SluiceErrors', () => {
    class TimeoutError extends SluiceError {
      override name = 'TimeoutError'
    }
    const error = new TimeoutError('late', { code: 'TIMEOUT' })
    expect(isSluiceError(error)).toBe(true)
    expect(error.name).toBe('TimeoutError')
  })

  test('toSluiceError keeps SluiceErrors and wraps anything else without exposing it', () => {
    const known = new SluiceError('known', { code: 'KNOWN' })
    expect(toSluiceError(known)).toBe(known)
    const wrapped = toSluiceError(new TypeError('x is undefined'))
    expect(wrapped).toMatchObject({ code: 'UNHANDLED_ERROR', expose: false, message: 'x is undefined' })
    expect(wrapped.cause).toBeInstanceOf(TypeError)
    expect(toSluiceError('a string')).toMatchObject({ code: 'UNHANDLED_ERROR', message: 'a string' })
  })
  test('toSluiceError never throws, whatever was thrown (property, with hostile values)', () => {
    const { proxy: revoked, revoke } = Proxy.revocable({}, {})
    revoke()
    const throwing = {
      get message(): string {
        throw new Error('no')
      },
      toString(): string {
        throw new Error('no')
      },
    }
    for (const value of [revoked, throwing, Object.create(null), Symbol('s'), 10n]) {
      expect(toSluiceError(value)).toMatchObject({ code: 'UNHANDLED_ERROR' })
      expect(isSluiceError(value)).toBe(false)
    }
    expect(toSluiceError(revoked).message).toBe('a thrown value that cannot be read')
    fc.assert(
      fc.property(fc.anything(), (value) => {
        expect(toSluiceError(value)).toBeInstanceOf(SluiceError)
        expect(typeof errorMessage(value)).toBe('string')
      }),
      { numRuns: 500 },
    )
  })
})
