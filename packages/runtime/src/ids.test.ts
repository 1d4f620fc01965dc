import { describe, expect, it } from 'vitest'
import { newTraceId } from './ids.ts'

describe('newTraceId', () => {
  it("gives X-Ray headers in Lambda's shape, none repeated across several refills of its random pool", () => {
    const now = Date.UTC(2026, 0, 2)
    const ids = Array.from({ length: 1000 }, () => newTraceId(now))
    for (const id of ids) {
      expect(id).toMatch(/^Root=1-[0-9a-f]{8}-[0-9a-f]{24};Parent=[0-9a-f]{16};Sampled=0$/)
      expect(id.slice(7, 15)).toBe(Math.floor(now / 1000).toString(16))
    }
    expect(new Set(ids).size).toBe(ids.length)
    expect(new Set(ids.map((id) => id.slice(16, 40))).size).toBe(ids.length)
  })
})
