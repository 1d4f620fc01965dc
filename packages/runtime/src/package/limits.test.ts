import { describe, expect, it } from 'vitest'
import { SluiceRuntimeError } from '../errors.ts'
import { checkPackageSize, formatBytes, PACKAGE_LIMITS } from './limits.ts'

const MB = 1024 * 1024

describe('checkPackageSize', () => {
  it("uses Lambda's quotas as GetAccountSettings reports them", () => {
    expect(PACKAGE_LIMITS.unzippedBytes).toBe(262_144_000)
    expect(PACKAGE_LIMITS.directUploadZippedBytes).toBe(52_428_800)
  })

  it('accepts a package up to exactly 250 MB unzipped and 50 MB zipped, with no warning', () => {
    expect(checkPackageSize({ unzippedBytes: 250 * MB, zippedBytes: 50 * MB })).toEqual([])
    expect(checkPackageSize({ unzippedBytes: 0, zippedBytes: 0 })).toEqual([])
  })

  it('refuses one byte past 250 MB unzipped with PACKAGE_TOO_LARGE, however small the zip', () => {
    let thrown: unknown
    try {
      checkPackageSize({ unzippedBytes: 250 * MB + 1, zippedBytes: 3 * MB })
    } catch (error) {
      thrown = error
    }
    expect(thrown).toBeInstanceOf(SluiceRuntimeError)
    expect(thrown).toMatchObject({ code: 'PACKAGE_TOO_LARGE' })
    expect(String(thrown)).toMatch(/250\.0 MB unzipped, over Lambda's 250 MB limit/)
    expect(String(thrown)).not.toContain('\n')
  })

  it('warns past 50 MB zipped and names the S3 upload that still works', () => {
    const warnings = checkPackageSize({ unzippedBytes: 120 * MB, zippedBytes: 50 * MB + 1 })
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toMatch(/over the 50 MB limit of a direct upload/)
    expect(warnings[0]).toMatch(/through S3/)
  })

  it.each([Number.NaN, -1, 1.5, Number.POSITIVE_INFINITY])('refuses %s as a size', (bytes) => {
    expect(() => checkPackageSize({ unzippedBytes: bytes, zippedBytes: 1 })).toThrow(
      expect.objectContaining({ code: 'RUNTIME_INVALID_OPTION' }),
    )
  })
})

describe('formatBytes', () => {
  it.each([
    [812, '812 B'],
    [42_291, '41.3 kB'],
    [2_254_438, '2.15 MB'],
    [52_428_800, '50.0 MB'],
  ])('%i bytes read as %s', (bytes, shown) => {
    expect(formatBytes(bytes)).toBe(shown)
  })
})
