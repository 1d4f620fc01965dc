import { type LifecycleContext, marginFor, remainingOf } from '@sluice/core'
import type { Context } from 'aws-lambda'
import { TimeoutOptionError } from './errors.ts'
import { DeadlineGuard } from './guard.ts'
import type { GuardSettings } from './options.ts'

type GuardedContext = Context & Partial<LifecycleContext> & { timeout?: unknown }

/**
 * The guard a wrapper or a middleware put on this context, if any: `context.timeout` is how the handler sees
 * it and also how a `timeout()` middleware finds the guard of the `wrap()` around it.
 *
 * @example
 * const guard = guardOf(request.context)
 * if (guard?.fired) return guard.respond()
 */
export const guardOf = (context: Context): DeadlineGuard | undefined => {
  const guard = (context as GuardedContext).timeout
  return guard instanceof DeadlineGuard ? guard : undefined
}

/**
 * Opens one guard per invocation; remembers the function timeout across invocations of the container.
 *
 * @example
 * const guard = factory.open(context, event, true)
 */
export interface GuardFactory {
  readonly settings: GuardSettings
  /**
   * Reads the remaining time from the context (the guard reads the deadline on first use: core's `deadlineOf`, on
   * the guard's clock), works out the margin, and puts the guard on `context.timeout`. Throws
   * `TIMEOUT_MARGIN_TOO_LARGE` when the margin leaves no time to work.
   */
  open(context: Context, event: unknown, wrapped: boolean): DeadlineGuard
}

/**
 * A guard factory for one `timeout()` / `withTimeout()`. The function timeout is not in the context: it is
 * taken as the longest time an invocation had at its start (`context.lifecycle.timeoutMs` when sluice's
 * `lambda()` started it, else the remaining time now; the first invocation gives it).
 *
 * @example
 * const factory = guardFactory(resolveOptions({ marginMs: 800 }))
 */
export const guardFactory = (settings: GuardSettings): GuardFactory => {
  let timeoutMs = 0
  return {
    settings,
    open(context: GuardedContext, event, wrapped) {
      // The remaining time alone arms the timer; the guard reads the deadline (a clock read) only when asked.
      const remainingMs = remainingOf(context)
      let marginMs = 0
      if (Number.isFinite(remainingMs)) {
        const atStart = context.lifecycle?.timeoutMs ?? 0
        timeoutMs = Math.max(timeoutMs, remainingMs, Number.isFinite(atStart) ? atStart : 0)
        marginMs = marginFor(timeoutMs, settings)
        if (marginMs >= timeoutMs) throw marginTooLarge(marginMs, timeoutMs)
      }
      const guard = new DeadlineGuard(settings, event, context, { remainingMs, marginMs, wrapped })
      install(context, guard)
      return guard
    },
  }
}

const marginTooLarge = (marginMs: number, timeoutMs: number) =>
  new TimeoutOptionError(
    'TIMEOUT_MARGIN_TOO_LARGE',
    `timeout(): the margin (${marginMs} ms) leaves no time to work within the function timeout ` +
      `(${timeoutMs} ms): lower marginMs / marginShare, or raise the function timeout`,
  )

// Assigned, not spread: the context object is Lambda's, and the handler must see the same object.
const install = (context: GuardedContext, guard: DeadlineGuard): void => {
  context.timeout = guard
}
