import { describe, expect, test } from 'vitest'
import { InvalidEventSpecError } from '../errors.ts'
import { specParams } from './spec-params.ts'

describe('specParams', () => {
  test('reads strings, numbers and booleans (a bare flag is true)', () => {
    const params = specParams('path=/a%20b&records=10&ratio=0.5&fifo&dry=false')
    expect(params.string('path')).toBe('/a b')
    expect(params.number('records')).toBe(10)
    expect(params.number('ratio')).toBe(0.5)
    expect(params.boolean('fifo')).toBe(true)
    expect(params.boolean('dry')).toBe(false)
    expect(params.number('absent')).toBeUndefined()
    expect(() => params.assertAllRead('x')).not.toThrow()
  })

  test('rejects values of the wrong kind and parameters nobody read', () => {
    expect(() => specParams('records=1e3').number('records')).toThrow(InvalidEventSpecError)
    const params = specParams('records=1&extra=2')
    params.number('records')
    expect(() => params.assertAllRead('sqs')).toThrow(/`extra`.*takes: records/)
  })
})
