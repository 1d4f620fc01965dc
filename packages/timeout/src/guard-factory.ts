import type { Context } from 'aws-lambda'
import { TimeoutOptionError } from './errors.ts'
import { DeadlineGuard } from './guard.ts'
import { type GuardSettings, marginFor } from './options.ts'

type GuardedContext = Context & { timeout?: unknown }

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
   * Reads the deadline from the context now, works out the margin, and puts it on `context.timeout`. `startSpanMs` is the remaining time at the true start of the invocation when
   * known (a middleware reads it from `context.lifecycle`). Throws `TIMEOUT_MARGIN_TOO_LARGE` when the margin
   * leaves no time to work.
   */
  open(context: Context, event: unknown, wrapped: boolean, startSpanMs?: number): DeadlineGuard
}

/**
 * A guard factory for one `timeout()` / `withTimeout()`. The function timeout is not in the context: it is
 * taken as the longest remaining time seen at the start of an invocation (the first one gives it).
 *
 * @example
 * const factory = guardFactory(resolveOptions({ marginMs: 800 }))
 */
export const guardFactory = (settings: GuardSettings): GuardFactory => {
  let timeoutMs = 0
  return {
    settings,
    open(context, event, wrapped, startSpanMs = 0) {
      const now = settings.clock.now()
      const remaining =
        typeof context.getRemainingTimeInMillis === 'function'
          ? context.getRemainingTimeInMillis()
          : Number.POSITIVE_INFINITY
      let marginMs = 0
      if (Number.isFinite(remaining)) {
        timeoutMs = Math.max(timeoutMs, remaining, startSpanMs)
        marginMs = marginFor(timeoutMs, settings)
        if (marginMs >= timeoutMs) throw marginTooLarge(marginMs, timeoutMs)
      }
      const guard = new DeadlineGuard(settings, event, context, {
        deadline: now + remaining,
        marginMs,
        wrapped,
      })
      install(context as GuardedContext, guard)
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
