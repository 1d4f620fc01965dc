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

  it.each([
    [{ memoryMb: 64 }, /memoryMb 64 is out of range: Lambda allows 128 to 10240 MB/],
    [{ timeoutMs: 1_000_000 }, /timeoutMs .* 15 minutes/],
    [{ concurrency: 0 }, /concurrency 0/],
    [{ port: 1.5 }, /port 1.5/],
    [{ region: 'mars' }, /region mars/],
  ])('rejects %o', (options, message) => {
    expect(() => resolveRuntimeOptions(options)).toThrow(message)
  })
})
