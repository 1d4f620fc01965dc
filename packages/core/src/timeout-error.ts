import { SluiceError } from './errors.ts'

/**
 * What a {@link TimeoutError} knows about the deadline that stopped the work (nothing, for a foreign abort signal).
 *
 * @example
 * const facts: TimeoutFacts = { deadline: Date.now() + 500, marginMs: 500 }
 */
export interface TimeoutFacts {
  /** Epoch ms when Lambda stops the invocation. */
  readonly deadline?: number
  /** ms before the deadline at which the work was stopped (cleanups, flush and the response share it). */
  readonly marginMs?: number
  /** What aborted, when it was not a sluice deadline (e.g. the reason of another `AbortSignal`). */
  readonly cause?: unknown
}

const timeoutMessage = ({ marginMs }: TimeoutFacts): string => {
  const what =
    marginMs === undefined
      ? 'The operation was aborted'
      : `The invocation was stopped ${marginMs} ms before its deadline`
  return `${what}: do less per invocation, raise the function timeout, or pass context.timeout.signal to the slow calls`
}

/**
 * The invocation reached its deadline minus the margin: thrown by `@sluice/timeout`'s guard and the abort reason of
 * its `context.timeout.signal` and of `@sluice/batch`'s record `signal`. Code `TIMEOUT`, status 504, not exposed.
 *
 * @example
 * try {
 *   await withDeadline(fetch(url, { signal: context.timeout.signal }), context.timeout.signal)
 * } catch (error) {
 *   if (error instanceof TimeoutError) return { partial: true }
 *   throw error
 * }
 */
export class TimeoutError extends SluiceError {
  override name = 'TimeoutError'
  readonly deadline: number | undefined
  readonly marginMs: number | undefined
  /** Errors thrown by cleanups and flushers when the guard fired; they never replace the timeout itself. */
  readonly cleanupErrors: unknown[] = []
  /** Cleanups still running when their share of the margin ran out (they were not awaited further). */
  unfinishedCleanups = 0

  constructor(facts: TimeoutFacts = {}) {
    super(timeoutMessage(facts), { code: 'TIMEOUT', status: 504, cause: facts.cause })
    this.deadline = facts.deadline
    this.marginMs = facts.marginMs
  }
}
