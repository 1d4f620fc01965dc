import { TimeoutError } from '@sluice/core'

// Deep enough for an AbortError whose cause is the signal's reason, wrapped once more by a client library.
const MAX_CAUSES = 8

/**
 * Whether a failure is the invocation's deadline: a `TimeoutError` (the timeout guard, batch's record signal), or
 * an error caused by one (what `fetch` or a `timers/promises` sleep reject with once the guard's signal aborts).
 * Work stopped that way may still be running — a handler that ignored its signal — so its claim is kept, not
 * released: it expires at the deadline, and no retry runs beside it before then.
 *
 * @example
 * stoppedByDeadline(new DOMException('aborted', 'AbortError')) // false
 * stoppedByDeadline(Object.assign(new Error('aborted'), { cause: new TimeoutError({}) })) // true
 */
export const stoppedByDeadline = (error: unknown): boolean => {
  let current = error
  for (let depth = 0; depth < MAX_CAUSES; depth += 1) {
    if (current instanceof TimeoutError) return true
    if (typeof current !== 'object' || current === null) return false
    try {
      current = (current as { cause?: unknown }).cause
    } catch {
      return false
    }
  }
  return false
}
