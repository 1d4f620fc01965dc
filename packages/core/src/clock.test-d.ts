import { createClock, type Clock as TestingClock } from '@sluice/testing'
import { describe, expectTypeOf, test } from 'vitest'
import { type Clock, systemClock } from './clock.ts'
import { lambda } from './lambda.ts'

describe('one Clock across sluice', () => {
  test("@sluice/testing's createClock() is a core Clock", () => {
    expectTypeOf(createClock()).toExtend<Clock>()
  })

  test("testing's Clock (spelled out there to keep it dependency-free) is core's Clock", () => {
    expectTypeOf<TestingClock>().toEqualTypeOf<Clock>()
  })

  test('lambda() takes any clock that reads the time; a number is no clock', () => {
    lambda({ clock: createClock(0) })
    lambda({ clock: systemClock })
    lambda({ clock: { now: () => 0 } })
    // @ts-expect-error a clock must have now()
    lambda({ clock: 0 })
  })
})
