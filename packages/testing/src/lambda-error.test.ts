import { describe, expect, test } from 'vitest'
import { toLambdaError } from './lambda-error.ts'

describe('toLambdaError', () => {
  test('uses an error’s name, message and stack lines', () => {
    const error = new RangeError('too big')
    const shape = toLambdaError(error)
    expect(shape.errorType).toBe('RangeError')
    expect(shape.errorMessage).toBe('too big')
    expect(shape.trace).toEqual(error.stack?.split('\n'))
  })

  test('falls back to the constructor name when name is empty, and to no trace without a stack', () => {
    class Quiet extends Error {}
    const error = new Quiet('shh')
    error.name = ''
    error.stack = undefined
    expect(toLambdaError(error)).toEqual({ errorType: 'Quiet', errorMessage: 'shh', trace: [] })
  })

  test('reports other thrown values by typeof and String()', () => {
    expect(toLambdaError(42)).toEqual({ errorType: 'number', errorMessage: '42', trace: [] })
    expect(toLambdaError({ code: 1 })).toEqual({
      errorType: 'object',
      errorMessage: '[object Object]',
      trace: [],
    })
  })
})
