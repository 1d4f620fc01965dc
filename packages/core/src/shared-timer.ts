import { clearTimeout as clearNodeTimeout, setTimeout as setNodeTimeout } from 'node:timers'

/**
 * What the shared timer calls when an entry is due (a deadline guard).
 *
 * @example
 * const target: SharedTimerTarget = { due: () => void guard.fire() }
 */
export interface SharedTimerTarget {
  due(): void
}

/**
 * One armed entry: when it is due (on `performance.now()`) and its links. The timer's own object, kept privately
 * by whoever armed it: a handler that can read its guard never reaches another invocation's.
 *
 * @example
 * const entry: SharedTimerEntry = sharedTimer.arm(guard, 54_000)
 */
export interface SharedTimerEntry {
  readonly due: number
  readonly target: SharedTimerTarget
  prev: SharedTimerEntry | undefined
  next: SharedTimerEntry | undefined
}

/*
 * Every entry armed on Node's timers, in one process (one worker thread). A Node timer per invocation costs a
 * timer list made and dropped on every call when it is the only one of its length (a few hundred ns, more than the
 * rest of a deadline guard), so the entries share one timer, set for the earliest of them. It stays set, unref'd so
 * that it keeps no process alive, when the last entry leaves: the next invocation, due later, finds it there.
 * Invocations in flight at once (Managed Instances) each have their own entry; nothing here is one invocation's.
 * A list through the entries costs less than a Set's add and delete.
 */
let first: SharedTimerEntry | undefined
let timer: ReturnType<typeof setNodeTimeout> | undefined
/** When `timer` fires, on `performance.now()`; Infinity when there is none. */
let timerDue = Number.POSITIVE_INFINITY
let referenced = false

const usable = (): boolean => globalThis.setTimeout === setNodeTimeout

const arm = (target: SharedTimerTarget, delayMs: number): SharedTimerEntry => {
  const due = performance.now() + delayMs
  const entry: SharedTimerEntry = { due, target, prev: undefined, next: first }
  if (first !== undefined) first.prev = entry
  first = entry
  if (due < timerDue) schedule(due, delayMs)
  else if (!referenced) {
    timer?.ref()
    referenced = true
  }
  return entry
}

const disarm = (entry: SharedTimerEntry): void => {
  const { prev, next } = entry
  if (prev !== undefined) prev.next = next
  else if (first === entry) first = next
  else return
  if (next !== undefined) next.prev = prev
  entry.prev = undefined
  entry.next = undefined
  if (referenced && first === undefined) {
    timer?.unref()
    referenced = false
  }
}

function schedule(due: number, delayMs: number): void {
  if (timer !== undefined) clearNodeTimeout(timer)
  timer = setNodeTimeout(tick, Math.max(0, delayMs))
  timerDue = due
  referenced = true
}

// A Node timer fires once its delay has passed on the loop's clock, which may read up to a millisecond behind
// performance.now(): an entry due within that is due now.
const EARLY_MS = 1

function tick(): void {
  timer = undefined
  timerDue = Number.POSITIVE_INFINITY
  referenced = false
  const now = performance.now()
  for (;;) {
    // The earliest entry first: entries armed at once may fall due in the same tick.
    let earliest = first
    for (let entry = first; entry !== undefined; entry = entry.next) {
      if (entry.due < (earliest as SharedTimerEntry).due) earliest = entry
    }
    if (earliest === undefined) return
    if (earliest.due > now + EARLY_MS) {
      if (earliest.due < timerDue) schedule(earliest.due, earliest.due - performance.now())
      return
    }
    disarm(earliest)
    try {
      earliest.target.due()
    } catch (error) {
      // As a throw from its own timer would: uncaught, without keeping the other guards from firing.
      queueMicrotask(() => {
        throw error
      })
    }
    // Firing runs abort listeners, which may disarm or arm other guards: the list is read again.
  }
}

/**
 * One Node timer shared by every deadline guard of the process (see above). `usable()` is true while the global
 * timers are Node's own: under fake timers (vitest's) a guard uses its clock's timers, which the fakes drive and
 * count. `arm(target, delayMs)` calls `target.due()` once `delayMs` have passed, unless `disarm(entry)` came first
 * (again is a no-op); while any entry is armed the timer holds the process open, as a timer of its own would.
 *
 * @example
 * const entry = sharedTimer.arm({ due: () => void guard.fire() }, 54_000)
 * sharedTimer.disarm(entry) // the invocation finished first
 */
export const sharedTimer = { usable, arm, disarm } as const
