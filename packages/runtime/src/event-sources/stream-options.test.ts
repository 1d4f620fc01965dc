import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { SluiceRuntimeError } from '../errors.ts'
import { resolveStreamMapping, type StreamMappingOptions } from './stream-options.ts'

// AWS's ranges per option: [min, max, -1 allowed]
const ranges: Record<string, readonly [number, number, boolean]> = {
  shards: [1, 1000, false],
  batchSize: [1, 10_000, false],
  maximumBatchingWindowInSeconds: [0, 300, false],
  maximumRetryAttempts: [0, 10_000, true],
  maximumRecordAgeInSeconds: [60, 604_800, true],
  parallelizationFactor: [1, 10, false],
}

describe('resolveStreamMapping', () => {
  it("applies AWS's defaults", () => {
    expect(resolveStreamMapping({})).toEqual({
      shards: 1,
      batchSize: 100,
      batchingWindowMs: 0,
      startingPosition: 'TRIM_HORIZON',
      bisect: false,
      maximumRetryAttempts: -1,
      maximumRecordAgeInSeconds: -1,
      parallelizationFactor: 1,
      reportBatchItemFailures: false,
      onFailure: undefined,
    })
  })

  it('accepts every value in range and rejects every other with EVENT_SOURCE_INVALID_OPTION naming it', () => {
    const option = fc.constantFrom(...Object.keys(ranges))
    const value = fc.oneof(
      fc.integer({ min: -20, max: 700_000 }),
      fc.double(),
      fc.string(),
      fc.constant(null),
    )
    fc.assert(
      fc.property(option, value, (name, candidate) => {
        const [min, max, minusOne] = ranges[name] ?? [0, 0, false]
        const valid =
          typeof candidate === 'number' &&
          Number.isInteger(candidate) &&
          ((candidate >= min && candidate <= max) || (minusOne && candidate === -1))
        const attempt = () => resolveStreamMapping({ [name]: candidate } as StreamMappingOptions)
        if (valid) expect(attempt).not.toThrow()
        else
          expect(attempt).toThrow(
            expect.objectContaining({
              code: 'EVENT_SOURCE_INVALID_OPTION',
              message: expect.stringContaining(name),
            }),
          )
      }),
    )
  })

  it.each<[string, Record<string, unknown>]>([
    ['startingPosition', { startingPosition: 'AT_TIMESTAMP' }],
    ['bisectBatchOnFunctionError', { bisectBatchOnFunctionError: 'yes' }],
    ['functionResponseTypes', { functionResponseTypes: ['ReportBatchItemFailure'] }],
    ['destinationConfig', { destinationConfig: { onSuccess: { destination: 'x' } } }],
    ['destinationConfig.onFailure', { destinationConfig: { onFailure: { destination: '' } } }],
    ['tumblingWindowInSeconds', { tumblingWindowInSeconds: 30 }],
  ])('rejects a bad %s', (name, options) => {
    expect(() => resolveStreamMapping(options)).toThrow(SluiceRuntimeError)
    expect(() => resolveStreamMapping(options)).toThrow(name)
  })

  it('reads the response types, the destination and the window in Lambda ms', () => {
    const mapping = resolveStreamMapping({
      functionResponseTypes: ['ReportBatchItemFailures'],
      destinationConfig: { onFailure: { destination: 'failures' } },
      maximumBatchingWindowInSeconds: 5,
    })
    expect(mapping).toMatchObject({
      reportBatchItemFailures: true,
      onFailure: 'failures',
      batchingWindowMs: 5000,
    })
  })
})
