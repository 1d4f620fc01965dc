import { describe, expect, it } from 'vitest'
import { destinationName, integerOption, reportsBatchItemFailures } from './source-option-checks.ts'

describe('event source option checks', () => {
  it('take AWS -1 only where it means "no limit", and name option, range and value otherwise', () => {
    expect(integerOption('maximumRetryAttempts', -1, 2, [0, 10], true)).toBe(-1)
    expect(integerOption('batchSize', undefined, 100, [1, 10_000])).toBe(100)
    expect(() => integerOption('batchSize', -1, 100, [1, 10_000])).toThrow(
      expect.objectContaining({
        code: 'EVENT_SOURCE_INVALID_OPTION',
        message: 'batchSize must be an integer from 1 to 10000 (got -1)',
      }),
    )
  })

  it('show a value JSON cannot write instead of failing on it', () => {
    const cycle: Record<string, unknown> = {}
    cycle.self = cycle
    expect(() => destinationName('destinationConfig.onFailure', cycle, 'a destination')).toThrow(
      'destinationConfig.onFailure must be a destination (got [object Object])',
    )
  })

  it('read functionResponseTypes and destinations', () => {
    expect(reportsBatchItemFailures('functionResponseTypes', [])).toBe(false)
    expect(reportsBatchItemFailures('functionResponseTypes', ['ReportBatchItemFailures'])).toBe(true)
    expect(destinationName('destinationConfig.onSuccess', { destination: 'done' }, '')).toBe('done')
    expect(destinationName('destinationConfig.onSuccess', undefined, '')).toBeUndefined()
  })
})
