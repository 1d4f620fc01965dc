import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { BatchError } from './errors.ts'
import { resolveOptions } from './options.ts'

describe('options under hostile input', () => {
  test('any value of any option gives settings or a BATCH_INVALID_OPTION naming it, never another error', () => {
    const anyValue = fc.oneof(
      fc.anything(),
      fc.double(),
      fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, 'throw', 'report'),
    )
    const keys = [
      'concurrency',
      'marginMs',
      'marginShare',
      'graceMs',
      'onAllFailed',
      'schema',
      'wrapRecord',
      'log',
    ]
    fc.assert(
      fc.property(
        fc.record(Object.fromEntries(keys.map((key) => [key, anyValue])), { requiredKeys: [] }),
        (options) => {
          try {
            const settings = resolveOptions(options as never)
            expect(settings.concurrency >= 1).toBe(true)
            expect(settings.marginShare >= 0 && settings.marginShare < 1).toBe(true)
          } catch (error) {
            expect(error).toBeInstanceOf(BatchError)
            expect(error).toMatchObject({ code: 'BATCH_INVALID_OPTION' })
            expect(Object.keys(options)).toContain((error as BatchError).path?.[0])
          }
        },
      ),
      { numRuns: 500 },
    )
  })
})
