import { describe, expect, test } from 'vitest'
import { createLogger } from './create-logger.ts'
import { LoggerError } from './errors.ts'
import { logger } from './logger.ts'
import { memoryDestination } from './memory-destination.ts'

const thrown = (make: () => unknown): unknown => {
  try {
    make()
  } catch (error) {
    return error
  }
  return undefined
}

const BAD_NUMBERS = [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -1, 0.5, '10', true]

describe('numeric options are checked when the logger is created', () => {
  const cases: Array<[string, (value: never) => unknown, readonly unknown[]]> = [
    [
      'sampleRate',
      (sampleRate) => logger({ sampleRate }),
      [Number.NaN, Number.POSITIVE_INFINITY, -0.1, 1.5, '0.1'],
    ],
    ['buffer.maxLines', (maxLines) => logger({ buffer: { maxLines } }), [...BAD_NUMBERS, 0]],
    ['buffer.maxBytes', (maxBytes) => logger({ buffer: { maxBytes } }), [...BAD_NUMBERS, 0]],
    [
      'maxFieldLength',
      (maxFieldLength) => createLogger({ maxFieldLength, destination: memoryDestination() }),
      [...BAD_NUMBERS, 15],
    ],
  ]
  test.each(cases)(
    '%s: NaN, ±Infinity, out of range, fractions and non-numbers give LOGGER_INVALID_OPTION',
    (option, make, values) => {
      for (const value of values) {
        const error = thrown(() => make(value as never))
        expect(error).toBeInstanceOf(LoggerError)
        expect(error).toMatchObject({ code: 'LOGGER_INVALID_OPTION', path: option.split('.') })
        expect((error as Error).message).toContain(`\`${option}\``)
        expect((error as Error).message).toContain(typeof value === 'string' ? `"${value}"` : String(value))
      }
    },
  )

  test('valid values pass: the bounds themselves included', () => {
    expect(() => logger({ sampleRate: 0, buffer: { maxLines: 1, maxBytes: 1 } })).not.toThrow()
    expect(() => logger({ sampleRate: 1 })).not.toThrow()
    expect(() => createLogger({ maxFieldLength: 16, destination: memoryDestination() })).not.toThrow()
  })

  test('buffer must be a boolean or an object, random a function', () => {
    expect(thrown(() => logger({ buffer: 5 as never }))).toMatchObject({
      code: 'LOGGER_INVALID_OPTION',
      path: ['buffer'],
    })
    expect(thrown(() => logger({ random: 0.5 as never }))).toMatchObject({
      code: 'LOGGER_INVALID_OPTION',
      path: ['random'],
    })
  })
})
