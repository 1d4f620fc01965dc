import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { SluiceError } from './errors.ts'
import { describeValue, invalidOptionMessage, optionChecks } from './options.ts'

class WidgetError extends SluiceError {
  override name = 'WidgetError'
}
const options = optionChecks(
  (message, option) => new WidgetError(message, { code: 'WIDGET_INVALID_OPTION', path: [option] }),
)
const thrown = (run: () => unknown): unknown => {
  try {
    run()
  } catch (error) {
    return error
  }
  throw new Error('expected a throw')
}

describe('optionChecks', () => {
  it('returns a number that satisfies the rule', () => {
    expect(options.number('size', 3, { integer: true, min: 1 })).toBe(3)
    expect(options.number('share', 0.5, { above: 0, below: 1 })).toBe(0.5)
    expect(options.optionalNumber('size', undefined, { min: 1 })).toBeUndefined()
  })

  it.each([
    [Number.NaN, 'NaN'],
    [Number.POSITIVE_INFINITY, 'Infinity'],
    [-1, '-1'],
    [1.5, '1.5'],
    ['3', '"3"'],
    [undefined, 'undefined'],
  ])('refuses %s with the package error naming the option and the value', (value, shown) => {
    const error = thrown(() => options.number('maxEntries', value, { integer: true, min: 0 }))
    expect(error).toBeInstanceOf(WidgetError)
    expect(error).toMatchObject({ code: 'WIDGET_INVALID_OPTION', path: ['maxEntries'] })
    expect((error as Error).message).toBe(
      `Invalid option \`maxEntries\`: pass a whole number ≥ 0, got ${shown}`,
    )
  })

  it('words every bound', () => {
    const error = thrown(() => options.number('share', 1, { min: 0, below: 1 }))
    expect((error as Error).message).toContain('pass a finite number ≥ 0 and < 1, got 1')
  })

  it('accepts exactly the finite numbers inside the bounds (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.double(), fc.integer(), fc.constantFrom(-0, 0, 1)), (value) => {
        const ok = Number.isFinite(value) && Number.isInteger(value) && value >= 1 && value <= 10
        if (ok) expect(options.number('n', value, { integer: true, min: 1, max: 10 })).toBe(value)
        else
          expect(thrown(() => options.number('n', value, { integer: true, min: 1, max: 10 }))).toBeInstanceOf(
            WidgetError,
          )
      }),
      { numRuns: 500 },
    )
  })

  it('check() throws the package error unless ok', () => {
    expect(() => options.check(true, 'dir', 'x', 'a name')).not.toThrow()
    expect(thrown(() => options.check(false, 'dir', '..', 'a name inside the root'))).toMatchObject({
      code: 'WIDGET_INVALID_OPTION',
      path: ['dir'],
      message: invalidOptionMessage('dir', '..', 'a name inside the root'),
    })
  })
})

describe('describeValue', () => {
  it('spells values as code would', () => {
    expect(describeValue(-0)).toBe('-0')
    expect(describeValue(10n)).toBe('10n')
    expect(describeValue(null)).toBe('null')
    expect(describeValue(() => 1)).toBe('a function')
    expect(describeValue([1])).toBe('an array')
    expect(describeValue({})).toBe('an object')
    expect(describeValue('x'.repeat(100))).toBe(`"${'x'.repeat(60)}…"`)
  })
})
