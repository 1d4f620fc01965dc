import { SluiceError } from '@sluice/core'

/**
 * What a {@link TimeoutError} knows about the guard that fired (nothing, for a foreign abort signal).
 *
 * @example
 * const facts: TimeoutFacts = { deadline: Date.now() + 500, marginMs: 500 }
 */
export interface TimeoutFacts {
  /** Epoch ms when Lambda stops the invocation. */
  readonly deadline?: number
  /** ms before the deadline at which the guard fired (cleanups, flush and the response share it). */
  readonly marginMs?: number
  /** What aborted, when it was not a sluice guard (e.g. the reason of another `AbortSignal`). */
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
 * Thrown (and used as the abort reason of `context.timeout.signal`) when an invocation reaches its deadline minus the
 * margin. Code `TIMEOUT`, status 504, not exposed.
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

/**
 * Stable codes of {@link TimeoutOptionError}.
 *
 * @example
 * const code: TimeoutOptionCode = 'TIMEOUT_MARGIN_TOO_LARGE'
 */
export type TimeoutOptionCode = 'TIMEOUT_INVALID_OPTION' | 'TIMEOUT_MARGIN_TOO_LARGE'

/**
 * A timeout guard that cannot work as configured: a bad option (`TIMEOUT_INVALID_OPTION`, thrown by
 * `timeout()` itself, `path` names the option) or a margin that leaves no time to work
 * (`TIMEOUT_MARGIN_TOO_LARGE`, thrown when an invocation starts).
 *
 * @example
 * timeout({ marginShare: 2 }) // throws TimeoutOptionError, code TIMEOUT_INVALID_OPTION, path ['marginShare']
 */
export class TimeoutOptionError extends SluiceError {
  override name = 'TimeoutOptionError'
  declare readonly code: TimeoutOptionCode

  constructor(code: TimeoutOptionCode, message: string, path?: ReadonlyArray<PropertyKey>) {
    super(message, { code, path })
  }
}
