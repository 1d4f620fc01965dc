import { describe, expect, test, vi } from 'vitest'
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

  test('is not used under fake timers: a guard then arms on the timers the fakes drive', () => {
    vi.useFakeTimers()
    try {
      expect(sharedTimer.usable()).toBe(false)
    } finally {
      vi.useRealTimers()
    }
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

  test('holds the process open while an entry is armed, and lets it go once none is', () => {
    // Node lists a 'Timeout' per referenced timer: the shared one counts once, however many entries it holds.
    const referenced = () => process.getActiveResourcesInfo().filter((name) => name === 'Timeout').length
    const idle = referenced()
    const target: SharedTimerTarget = { due: () => {} }
    const sooner = arm(target, 60_000)
    const later = arm(target, 120_000)
    expect(referenced()).toBe(idle + 1)
    disarm(sooner)
    expect(referenced()).toBe(idle + 1)
    disarm(later)
    expect(referenced()).toBe(idle)
    // The timer stays set, unreferenced: an entry due after it takes the same timer and holds the process again.
    const next = arm(target, 90_000)
    expect(referenced()).toBe(idle + 1)
    disarm(next)
    expect(referenced()).toBe(idle)
  })
})
