import { describe, expect, test } from 'vitest'
import { z } from 'zod'
import { lazy } from './lazy.ts'
import { sqsSchema } from './schemas/sqs.ts'

describe('lazy', () => {
  test('builds on first use only, once', () => {
    let builds = 0
    const schema = lazy(() => {
      builds += 1
      return z.object({ id: z.string() })
    })
    expect(builds).toBe(0)
    expect(schema.parse({ id: 'a' })).toEqual({ id: 'a' })
    expect(schema.safeParse({ id: 1 }).success).toBe(false)
    expect(builds).toBe(1)
  })

  test('is seen as the real schema by zod, instanceof and spreading', () => {
    const inner = lazy(() => z.object({ id: z.string() }))
    const shape = lazy(() => ({ id: z.string(), count: z.number() }))
    expect(inner).toBeInstanceOf(z.ZodObject)
    expect(z.array(inner).parse([{ id: 'x' }])).toEqual([{ id: 'x' }])
    expect(Object.keys(z.object({ ...shape }).shape)).toEqual(['id', 'count'])
  })

  test('the exported source schemas are lazy and still validate', () => {
    expect(sqsSchema.safeParse({ Records: [] }).success).toBe(true)
    expect(sqsSchema.safeParse({ Records: [{}] }).success).toBe(false)
  })
})
