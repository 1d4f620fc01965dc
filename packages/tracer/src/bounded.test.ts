import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { boundedError, boundedMetadata } from './bounded.ts'

describe('boundedMetadata', () => {
  test('keeps values whose JSON fits, as the same value', () => {
    const value = { ok: true, items: [1, 2, 3] }
    expect(boundedMetadata(value, 1024)).toBe(value)
  })

  test('anything larger becomes { truncated, bytes, preview } within the cap', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.integer({ min: 256, max: 4096 }), (value, max) => {
        const bounded = boundedMetadata(value, max)
        const bytes = Buffer.byteLength(JSON.stringify(bounded) ?? '')
        if (bounded === value) expect(Buffer.byteLength(JSON.stringify(value) ?? '')).toBeLessThanOrEqual(max)
        else expect(bytes).toBeLessThanOrEqual(max + 64)
      }),
    )
    const big = boundedMetadata({ text: 'é'.repeat(10_000) }, 512) as {
      truncated: boolean
      bytes: number
      preview: string
    }
    expect(big).toMatchObject({ truncated: true, bytes: 20_011 })
    expect(big.preview.startsWith('{"text":"éé')).toBe(true)
  })

  test('values JSON cannot encode are recorded as truncated instead of throwing', () => {
    const cyclic: Record<string, unknown> = {}
    cyclic.self = cyclic
    expect(boundedMetadata(cyclic, 512)).toMatchObject({ truncated: true })
    expect(boundedMetadata(10n, 512)).toMatchObject({ truncated: true, preview: '10' })
  })
})

describe('boundedError', () => {
  test('the same error when its message fits; else a copy with the message cut and the frames kept', () => {
    const small = new TypeError('bad')
    expect(boundedError(small, 1024)).toBe(small)
    const large = new TypeError(`line one\n${'x'.repeat(10_000)}`)
    const bounded = boundedError(large, 1024)
    expect(bounded.name).toBe('TypeError')
    expect(Buffer.byteLength(bounded.message)).toBeLessThanOrEqual(1024)
    expect(bounded.message.endsWith('(truncated)')).toBe(true)
    expect(
      bounded.stack
        ?.split('\n')
        .slice(1)
        .every((line) => line.startsWith('    at ')),
    ).toBe(true)
    expect(bounded.stack?.length).toBeLessThan(4096)
  })

  test('non-errors become errors', () => {
    expect(boundedError('plain', 256)).toMatchObject({ message: 'plain' })
  })
})

describe('under hostile input', () => {
  test('never throws, and stays within the cap, for any value or thrown value (revoked Proxies, cycles included)', () => {
    const { proxy: revoked, revoke } = Proxy.revocable({}, {})
    revoke()
    const cycle: Record<string, unknown> = {}
    cycle.self = cycle
    // fast-check inspects what it generates, so the revoked Proxy is checked on its own.
    expect(boundedMetadata(revoked, 1024)).toMatchObject({ truncated: true })
    expect(boundedError(revoked, 1024).message).toBe('a thrown value that cannot be read')
    const hostile = fc.oneof(fc.anything(), fc.constantFrom<unknown>(cycle, 10n, Symbol('s')))
    fc.assert(
      fc.property(hostile, (value) => {
        const metadata = boundedMetadata(value, 1024)
        const recorded = JSON.stringify(metadata)
        if (recorded !== undefined && metadata !== value)
          expect(Buffer.byteLength(recorded)).toBeLessThanOrEqual(1024)
        expect(boundedError(value, 1024)).toBeInstanceOf(Error)
      }),
      { numRuns: 500 },
    )
  })
})
