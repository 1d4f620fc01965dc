import type { Context } from 'aws-lambda'
import { describe, expectTypeOf, test } from 'vitest'
import { createContext, type FakeContext } from './context.ts'

describe('createContext types', () => {
  test('returns a Context, plus the deadline', () => {
    expectTypeOf(createContext()).toExtend<Context>()
    expectTypeOf(createContext()).toEqualTypeOf<FakeContext>()
    expectTypeOf(createContext().deadlineMs).toEqualTypeOf<number>()
  })

  test('checks its options', () => {
    // @ts-expect-error: memory is a number of MB
    createContext({ memoryMb: '128' })
    // @ts-expect-error: unknown options are caught
    createContext({ timeout: 3 })
  })
})
