import { setImmediate } from 'node:timers'
import { InvalidOptionError } from './errors.ts'

/**
 * Where code reads the time and schedules its timers: `@sluice/core`'s `Clock`, the one clock interface of sluice,
 * spelled out here so that testing depends on no sluice package (a type test in core keeps the two the same).
 * `createClock()` and core's `systemClock` are both one; code that only reads the time takes a `Pick<Clock, 'now'>`.
 *
 * @example
 * const clock: Clock = createClock(0)
 * const frozen: Pick<Clock, 'now'> = { now: () => 1_700_000_000_000 }
 */
export type Clock = {
  now(): number
  setTimeout(callback: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
}

/**
 * Opaque id of a timer scheduled on a `VirtualClock`.
 *
 * @example
 * const handle: TimerHandle = clock.setTimeout(() => {}, 100)
 * clock.clearTimeout(handle)
 */
export type TimerHandle = number

/**
 * A {@link Clock} that only moves when told to. Timers scheduled on it fire during `advance`, in time order,
 * and promise chains they start get to run between them.
 *
 * @example
 * const clock = createClock(0)
 * clock.setTimeout(() => console.log('fired at', clock.now()), 100)
 * await clock.advance(150) // logs 'fired at 100'; clock.now() is then 150
 */
export type VirtualClock = {
  now(): number
  /** Runs `callback` when `advance` reaches `now() + ms`. */
  setTimeout(callback: () => void, ms: number): TimerHandle
  /** Cancels a timer; a handle already fired or cleared (or not this clock's) is ignored. */
  clearTimeout(handle: unknown): void
  /**
   * Lets promise work already queued run first (so it can schedule timers at the current time), then
   * moves time forward by `ms`, firing every timer that falls due, and settles pending promises.
   */
  advance(ms: number): Promise<void>
  /** Jumps to `ms` without firing timers; timers now due fire on the next `advance`. */
  set(ms: number): void
  /** Number of timers scheduled and not yet fired or cleared. */
  pending(): number
}

/**
 * Reads the real time: `Date.now()`, looked up on every call, so `vi.useFakeTimers()` drives it too. The default
 * `clock` of testing's helpers, which only read the time; when they need a timer on a clock without one,
 * {@link scheduleOn} uses the global timers. The real full `Clock` (with timers) is `@sluice/core`'s `systemClock`,
 * which time's one owner keeps; testing does not repeat it, so it stays free of a run-time sluice dependency.
 *
 * @example
 * vi.useFakeTimers({ now: 0 })
 * vi.advanceTimersByTime(500)
 * realTime.now() // 500
 */
export const realTime: Pick<Clock, 'now'> = {
  now: function realNow() {
    return Date.now()
  },
}

type Timer = { at: number; seq: number; callback: () => void }

/**
 * Creates a virtual clock starting at `startMs` (epoch milliseconds).
 *
 * @example
 * const clock = createClock(Date.UTC(2025, 0, 1))
 * const context = createContext({ clock, timeoutMs: 3000 })
 * await clock.advance(1000)
 * context.getRemainingTimeInMillis() // 2000
 */
export function createClock(startMs: number = Date.now()): VirtualClock {
  assertFiniteTime('startMs', startMs)
  let current = startMs
  let seq = 0
  const timers = new Map<TimerHandle, Timer>()

  function nextDue(limit: number): [TimerHandle, Timer] | undefined {
    let found: [TimerHandle, Timer] | undefined
    for (const entry of timers) {
      const [, timer] = entry
      if (timer.at > limit) continue
      if (!found || timer.at < found[1].at || (timer.at === found[1].at && timer.seq < found[1].seq)) {
        found = entry
      }
    }
    return found
  }

  return {
    now: function virtualNow() {
      return current
    },
    advance: async function advance(ms: number) {
      if (!Number.isFinite(ms) || ms < 0) {
        throw new InvalidOptionError('ms', `advance() needs a finite, non-negative duration, got ${ms}`)
      }
      await settlePromises()
      const target = current + ms
      for (let due = nextDue(target); due; due = nextDue(target)) {
        const [handle, timer] = due
        timers.delete(handle)
        current = timer.at
        timer.callback()
        await settlePromises()
      }
      current = target
      await settlePromises()
    },
    set: function set(ms: number) {
      assertFiniteTime('ms', ms)
      current = ms
    },
    setTimeout: function virtualSetTimeout(callback: () => void, ms: number) {
      seq += 1
      timers.set(seq, { at: current + Math.max(0, Number.isFinite(ms) ? ms : 0), seq, callback })
      return seq
    },
    clearTimeout: function virtualClearTimeout(handle: unknown) {
      if (typeof handle === 'number') timers.delete(handle)
    },
    pending: function pending() {
      return timers.size
    },
  }
}

/**
 * Whether `clock` can schedule timers: a full {@link Clock}, not only a `now()`.
 *
 * @example
 * hasTimers(createClock()) // true
 * hasTimers({ now: () => 0 }) // false
 */
export function hasTimers(clock: Pick<Clock, 'now'>): clock is Clock {
  return (
    'setTimeout' in clock &&
    typeof clock.setTimeout === 'function' &&
    'clearTimeout' in clock &&
    typeof clock.clearTimeout === 'function'
  )
}

/**
 * Runs `callback` after `ms` on the clock's own timers when it has them, else on the global `setTimeout`
 * (looked up at call time, so vitest fake timers apply). Returns a cancel function.
 *
 * @example
 * const cancel = scheduleOn(createClock(0), () => console.log('late'), 100)
 * cancel()
 */
export function scheduleOn(clock: Pick<Clock, 'now'>, callback: () => void, ms: number): () => void {
  if (hasTimers(clock)) {
    const handle = clock.setTimeout(callback, ms)
    return function cancelTimer() {
      clock.clearTimeout(handle)
    }
  }
  const handle = globalThis.setTimeout(callback, ms)
  return function cancelGlobalTimer() {
    globalThis.clearTimeout(handle)
  }
}

/** Waits one macrotask turn (real `node:timers`, untouched by fake timers) so queued microtasks all run. */
function settlePromises(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve))
}

function assertFiniteTime(path: string, ms: number): void {
  if (!Number.isFinite(ms)) throw new InvalidOptionError(path, `needs a finite epoch time in ms, got ${ms}`)
}
