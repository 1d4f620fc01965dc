import { describe, expect, test } from 'vitest'
import { type SharedTimerEntry, type SharedTimerTarget, sharedTimer } from './shared-timer.ts'

const { arm, disarm } = sharedTimer

/** Targets that record the order they fired in, and a promise that resolves once `count` have. */
const recorder = (count: number) => {
  const fired: string[] = []
  const { promise, resolve } = Promise.withResolvers<void>()
  const target = (name: string, also?: () => void): SharedTimerTarget => ({
    due: () => {
      fired.push(name)
      if (fired.length === count) resolve()
      also?.()
    },
  })
  return { fired, done: promise, target }
}

describe('the shared timer of the deadline guards, on Node timers', () => {
  test('is used on Node timers', () => {
    expect(sharedTimer.usable()).toBe(true)
  })

  test('fires entries in the order they fall due, whatever the order they were armed in, and skips removed ones', async () => {
    const { fired, done, target } = recorder(3)
    arm(target('third'), 40)
    arm(target('first'), 5)
    const removed = arm(target('removed'), 10)
    arm(target('second'), 20)
    disarm(removed)
    disarm(removed) // again: a no-op
    await done
    expect(fired).toEqual(['first', 'second', 'third'])
  })

  test('an entry removed by another one firing never fires; one added while firing does', async () => {
    const { fired, done, target } = recorder(2)
    let later: SharedTimerEntry | undefined
    arm(
      target('first', () => {
        if (later) disarm(later)
        arm(target('added while firing'), 1)
      }),
      1,
    )
    later = arm(target('disarmed by the first'), 2)
    await done
    await new Promise((resolve) => setTimeout(resolve, 10))
    expect(fired).toEqual(['first', 'added while firing'])
  })
})
