import type { Logger } from 'pino'
import { type BufferLimits, LineBuffer } from './line-buffer.ts'
import { INVOCATION, type InvocationLines, type LineRouter } from './line-router.ts'

interface CleanupHost {
  onCleanup(fn: () => unknown): unknown
}

/** `context.timeout` when it is a guard that runs cleanups (`@sluice/timeout`'s shape; no import needed). */
const cleanupHost = (context: object): CleanupHost | undefined => {
  const guard = (context as { timeout?: unknown }).timeout
  return typeof guard === 'object' &&
    guard !== null &&
    typeof (guard as Partial<CleanupHost>).onCleanup === 'function'
    ? (guard as CleanupHost)
    : undefined
}

/**
 * Writes what an invocation holds and, from then on, its lines at once: it has failed (an error reached the
 * chain, it answers 5xx, or the timeout guard fired). Idempotent; a closed invocation is left alone.
 *
 * @example
 * release(router, state)
 */
export const release = (router: LineRouter, state: InvocationLines): void => {
  if (!state.open) return
  router.drain(state)
  state.failed = true
}

/**
 * Ends an invocation's buffering: written first if it `failed`, else dropped; later lines below the level are
 * dropped too (unless it failed).
 *
 * @example
 * close(router, state, false)
 */
export const close = (router: LineRouter, state: InvocationLines, failed: boolean): void => {
  if (!state.open) return
  if (failed) release(router, state)
  state.open = false
  state.buffer.take()
}

/**
 * Whether a response is an error response: an object whose `statusCode` is a number ≥ 500 (API Gateway,
 * ALB, Function URL and `@sluice/http-errors` responses), read without throwing.
 *
 * @example
 * isErrorResponse({ statusCode: 503 }) // true
 */
export const isErrorResponse = (response: unknown): boolean => {
  if (typeof response !== 'object' || response === null) return false
  try {
    const status = (response as { statusCode?: unknown }).statusCode
    return typeof status === 'number' && status >= 500
  } catch {
    return false
  }
}

/**
 * Starts buffering for one invocation on its child logger `log`: lines below `threshold` are kept, the kept
 * lines are released when the invocation's timeout guard (`context.timeout.onCleanup`, registered now or, for
 * a guard used after the logger, when the first line is kept) fires, and `log.flush()` writes them out, then
 * flushes the destination as pino's `flush` does.
 *
 * @example
 * const state = openLines(log, router, limits, 30, context)
 */
export const openLines = (
  log: Logger,
  router: LineRouter,
  limits: BufferLimits,
  threshold: number,
  context: object,
): InvocationLines => {
  const state: InvocationLines = {
    threshold,
    buffer: new LineBuffer(limits),
    log,
    open: true,
    draining: false,
    failed: false,
    watch: undefined,
  }
  const watch = (): boolean => {
    const guard = cleanupHost(context)
    if (guard === undefined) return false
    guard.onCleanup(function releaseLogBuffer() {
      release(router, state)
    })
    return true
  }
  if (!watch()) state.watch = watch
  const pinoFlush = log.flush
  Object.defineProperty(log, INVOCATION, { value: state })
  Object.defineProperty(log, 'flush', {
    configurable: true,
    writable: true,
    value: function flushInvocation(this: Logger, callback?: (error?: Error) => void) {
      router.drain(state)
      pinoFlush.call(this, callback)
    },
  })
  return state
}
