import { marginFor } from '@sluice/core'
import { createClock } from '@sluice/testing'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { TimeoutOptionError } from './errors.ts'
import { resolveOptions } from './options.ts'

describe('margin math', () => {
  test('defaults: the larger of 500 ms and 10 % of the function timeout', () => {
    const defaults = resolveOptions({})
    expect(marginFor(1_000, defaults)).toBe(500)
    expect(marginFor(3_000, defaults)).toBe(500)
    expect(marginFor(5_000, defaults)).toBe(500)
    expect(marginFor(10_000, defaults)).toBe(1_000)
    expect(marginFor(900_000, defaults)).toBe(90_000)
  })

  test('is the larger of both bounds, rounded up to a whole ms, and grows with the timeout', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 900_000 }),
        fc.integer({ min: 1, max: 900_000 }),
        fc.double({ min: 0, max: 0.999, noNaN: true }),
        fc.integer({ min: 0, max: 60_000 }),
        (timeoutMs, otherTimeoutMs, marginShare, marginMs) => {
          const settings = { marginMs, marginShare }
          const margin = marginFor(timeoutMs, settings)
          expect(Number.isInteger(margin)).toBe(true)
          expect(margin).toBeGreaterThanOrEqual(marginMs)
          expect(margin).toBeGreaterThanOrEqual(marginShare * timeoutMs)
          expect(margin - 1).toBeLessThan(Math.max(marginMs, marginShare * timeoutMs))
          const [small, large] = [Math.min(timeoutMs, otherTimeoutMs), Math.max(timeoutMs, otherTimeoutMs)]
          expect(marginFor(small, settings)).toBeLessThanOrEqual(marginFor(large, settings))
        },
      ),
    )
  })

  test('marginShare 0 gives a fixed margin', () => {
    expect(marginFor(900_000, resolveOptions({ marginMs: 250, marginShare: 0 }))).toBe(250)
  })
})

describe('bad options', () => {
  const cases: Array<[string, Record<string, unknown>]> = [
    ['marginMs', { marginMs: -1 }],
    ['marginMs', { marginMs: Number.NaN }],
    ['marginMs', { marginMs: '500' }],
    ['marginShare', { marginShare: 1 }],
    ['marginShare', { marginShare: -0.1 }],
    ['marginShare', { marginShare: Number.NaN }],
    ['onTimeout', { onTimeout: 'busy' }],
    ['flush', { flush: () => {} }],
    ['flush', { flush: [42] }],
    ['clock', { clock: { now: () => 0 } }],
  ]
  test.each(cases)('%s: %o is rejected with TIMEOUT_INVALID_OPTION and its name as path', (name, options) => {
    const error = (() => {
      try {
        resolveOptions(options)
      } catch (caught) {
        return caught
      }
    })()
    expect(error).toBeInstanceOf(TimeoutOptionError)
    expect(error).toMatchObject({ code: 'TIMEOUT_INVALID_OPTION', path: [name] })
    expect((error as Error).message).toContain(name)
  })

  test('good options pass through, a virtual clock included', () => {
    const clock = createClock(0)
    const onTimeout = () => 'late'
    expect(resolveOptions({ marginMs: 0, marginShare: 0.5, onTimeout, clock })).toMatchObject({
      marginMs: 0,
      marginShare: 0.5,
      onTimeout,
      clock,
      flush: [],
    })
  })
})

describe('options under hostile input', () => {
  test('any value of any option gives settings or a TimeoutOptionError naming it, never another error', () => {
    const anyValue = fc.oneof(
      fc.anything(),
      fc.double(),
      fc.constantFrom(Number.NaN, -0, Number.NEGATIVE_INFINITY),
    )
    fc.assert(
      fc.property(
        fc.record(
          {
            marginMs: anyValue,
            marginShare: anyValue,
            onTimeout: anyValue,
            flush: anyValue,
            clock: anyValue,
          },
          { requiredKeys: [] },
        ),
        (options) => {
          try {
            const settings = resolveOptions(options as never)
            expect(Number.isFinite(settings.marginMs) && settings.marginMs >= 0).toBe(true)
            expect(settings.marginShare >= 0 && settings.marginShare < 1).toBe(true)
          } catch (error) {
            expect(error).toBeInstanceOf(TimeoutOptionError)
            expect((error as TimeoutOptionError).code).toBe('TIMEOUT_INVALID_OPTION')
            expect(Object.keys(options)).toContain((error as TimeoutOptionError).path?.[0])
          }
        },
      ),
      { numRuns: 500 },
    )
  })
})
