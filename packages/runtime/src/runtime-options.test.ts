import { describe, expect, it } from 'vitest'
import { resolveRuntimeOptions } from './runtime-options.ts'

describe('resolveRuntimeOptions', () => {
  it("applies Lambda's defaults", () => {
    expect(resolveRuntimeOptions({})).toEqual({
      memoryMb: 128,
      timeoutMs: 3000,
      initTimeoutMs: 10_000,
      concurrency: 1,
      idleTimeoutMs: 300_000,
      port: 0,
      region: 'us-east-1',
    })
  })

  it('defaults workers to 1 in Managed Instances mode only', () => {
    expect(resolveRuntimeOptions({ maxConcurrency: 8 })).toMatchObject({ maxConcurrency: 8, workers: 1 })
    expect(resolveRuntimeOptions({ maxConcurrency: 8, workers: 2 })).toMatchObject({ workers: 2 })
    expect(resolveRuntimeOptions({})).not.toHaveProperty('workers')
  })

  it.each([
    [
      { memoryMb: 64 },
      'Invalid option `memoryMb`: pass a whole number from 128 to 10240 MB (Lambda allows 128 to 10240 MB), got 64',
    ],
    [{ timeoutMs: 1_000_000 }, /`timeoutMs`.* 15 minutes\), got 1000000/],
    [{ concurrency: 0 }, /`concurrency`.*got 0/],
    [{ port: 1.5 }, /`port`.*got 1.5/],
    [{ memoryMb: Number.NaN }, /`memoryMb`.*got NaN/],
    [{ region: 'mars' }, /`region`: pass a region name like us-east-1, got "mars"/],
    [{ maxConcurrency: 0 }, /`maxConcurrency`: pass a whole number from 1 to 1000, got 0/],
    [{ maxConcurrency: 4, workers: 65 }, /`workers`: pass a whole number from 1 to 64, got 65/],
    [{ workers: 2 }, /`workers`: pass set only with maxConcurrency, got 2/],
  ])('rejects %o', (options, message) => {
    expect(() => resolveRuntimeOptions(options)).toThrow(message)
    expect(() => resolveRuntimeOptions(options)).toThrow(
      expect.objectContaining({ code: 'RUNTIME_INVALID_OPTION' }),
    )
  })
})
