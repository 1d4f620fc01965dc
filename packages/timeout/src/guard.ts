import {
  deadlineOf,
  type MiddlewareRequest,
  type SharedTimerEntry,
  type SharedTimerTarget,
  sharedTimer,
  systemClock,
} from '@sluice/core'
import type { Context } from 'aws-lambda'
import { TimeoutError } from './errors.ts'
import { flushStdio } from './flush.ts'
import type { GuardSettings } from './options.ts'
import { settleWithin } from './settle-within.ts'

/**
 * The guard of the current invocation as the handler sees it, on `context.timeout`.
 *
 * @example
 * lambda().use(guard).handler(async (event, context) => {
 *   const response = await fetch(url, { signal: context.timeout.signal })
 *   if (context.timeout.remaining() < 1_000) return { partial: true }
 * })
 */
export interface TimeoutHandle {
  /** Aborts (reason: a `TimeoutError`) when the guard fires; the AbortController is made on first read only. */
  readonly signal: AbortSignal
  /** ms left until the guard fires (deadline − margin), never below 0; `Infinity` without a Lambda deadline. */
  remaining(): number
  /** Registers work to run when the guard fires (awaited, bounded); returns a function that unregisters it. */
  onCleanup(fn: () => unknown): () => void
  /** Epoch ms when Lambda stops the invocation (`Infinity` without a deadline). */
  readonly deadline: number
  /** ms before the deadline at which the guard fires. */
  readonly marginMs: number
}

/**
 * What the timeout guard adds to the context the handler and later middlewares see. One property, not a
 * getter on the context itself: defining an accessor on Lambda's context object costs more per call than
 * the AbortController the lazy signal saves (see the README).
 *
 * @example
 * const handler = withTimeout(async (event: { url: string }, context) => fetch(event.url, { signal: context.timeout.signal }))
 */
export interface TimeoutContext {
  readonly timeout: TimeoutHandle
}

// setTimeout fires at once for delays above 2^31 − 1 ms; Lambda's longest timeout is far below.
const LONGEST_TIMER = 2_147_483_647

/**
 * The one deadline timer of an invocation, shared by `timeout()` and `withTimeout()`. Firing is the commit
 * point: it aborts the signal, runs cleanups (bounded by half the margin), flushes (until a quarter of the
 * margin is left), and from then on the timeout response is the only response.
 *
 * @example
 * const guard = guardFactory(settings).open(context, event, true)
 * guard.arm(() => guard.respond().then(resolve, reject))
 */
export class DeadlineGuard implements TimeoutHandle, SharedTimerTarget {
  readonly marginMs: number
  /**
   * True when something other than the `timeout()` middleware's hooks owns the response: a `withTimeout` /
   * `.wrap()` wrapper, or the response stream of a streaming invocation (see `guardStream`).
   */
  readonly wrapped: boolean
  /** The middy request once a `timeout()` middleware saw it; onTimeout gets it. */
  request: MiddlewareRequest | undefined
  #settings: GuardSettings
  #event: unknown
  #context: Context
  /** ms from opening until the guard fires, from the context's remaining time then: no clock read to arm. */
  #delay: number
  #deadline: number | undefined
  #remaining: (() => number) | undefined
  #onCleanup: ((fn: () => unknown) => () => void) | undefined
  #controller: AbortController | undefined
  #cleanups: Set<() => unknown> | undefined
  #timer: unknown
  /** Armed on core's `sharedTimer` (the system clock on Node's own timers) rather than a timer of its own. */
  #shared: SharedTimerEntry | undefined
  #state: 'open' | 'armed' | 'fired' | 'done' = 'open'
  #expiry: Promise<TimeoutError> | undefined
  #onFire: ((expiry: Promise<TimeoutError>) => void) | undefined
  /** The wrapper's answer while it races the chain ({@link DeadlineGuard.race}): settled by whichever wins. */
  #resolve: ((value: unknown) => void) | undefined
  #reject: ((reason: unknown) => void) | undefined
  #error: TimeoutError | undefined
  #responded = false

  constructor(
    settings: GuardSettings,
    event: unknown,
    context: Context,
    timing: { remainingMs: number; marginMs: number; wrapped: boolean },
  ) {
    this.#settings = settings
    this.#event = event
    this.#context = context
    this.#delay = Math.max(0, timing.remainingMs - timing.marginMs)
    this.marginMs = timing.marginMs
    this.wrapped = timing.wrapped
  }

  /**
   * Epoch ms when Lambda stops the invocation, read from the context on first use (core's `deadlineOf`, on the
   * guard's clock): an absolute time, so a later reading gives the same value, and a fast invocation that never
   * asks pays no clock read for it.
   */
  get deadline(): number {
    this.#deadline ??= deadlineOf(this.#context, this.#settings.clock)
    return this.#deadline
  }

  /** True when the guard was due (deadline − margin had passed) already when it opened. */
  get overdue(): boolean {
    return this.#delay === 0
  }

  get signal(): AbortSignal {
    if (this.#controller === undefined) {
      this.#controller = new AbortController()
      // read after firing: hand out an already aborted signal with the same reason
      if (this.#error) this.#controller.abort(this.#error)
    }
    return this.#controller.signal
  }

  get fired(): boolean {
    return this.#state === 'fired'
  }

  get settled(): boolean {
    return this.#state === 'done'
  }

  // remaining and onCleanup are handed out bound (`work(context.timeout.onCleanup)`), made on first read: most
  // invocations never read them, and two closures per call would cost more than the lookup.
  get remaining(): () => number {
    this.#remaining ??= () => Math.max(0, this.deadline - this.marginMs - this.#settings.clock.now())
    return this.#remaining
  }

  get onCleanup(): (fn: () => unknown) => () => void {
    this.#onCleanup ??= (fn) => this.#register(fn)
    return this.#onCleanup
  }

  #register(fn: () => unknown): () => void {
    if (this.#state === 'fired') {
      // Too late to be awaited: the cleanups already ran. Run it now, still never as an unhandled rejection.
      void settleWithin([fn], Number.NEGATIVE_INFINITY, this.#settings.clock)
      return () => {}
    }
    this.#cleanups ??= new Set()
    const entry = () => fn()
    this.#cleanups.add(entry)
    return () => void this.#cleanups?.delete(entry)
  }

  /**
   * Starts the timer: an entry on core's `sharedTimer` on Node's own timers (the system clock, no fake timers),
   * else a timer on the clock. `onFire` (a stream's) is told when the guard fires. No deadline, no timer.
   */
  arm(onFire?: (expiry: Promise<TimeoutError>) => void): void {
    if (this.#state !== 'open') return
    this.#state = 'armed'
    this.#onFire = onFire
    const delay = this.#delay
    if (delay > LONGEST_TIMER) return
    const { clock } = this.#settings
    if (clock === systemClock && sharedTimer.usable()) this.#shared = sharedTimer.arm(this, delay)
    else this.#timer = clock.setTimeout(() => this.#fireFromTimer(), delay)
  }

  /** The shared timer's call: this guard is due. */
  due(): void {
    this.#shared = undefined
    this.#fireFromTimer()
  }

  #clearTimer(): void {
    if (this.#shared !== undefined) {
      sharedTimer.disarm(this.#shared)
      this.#shared = undefined
    } else this.#settings.clock.clearTimeout(this.#timer)
  }

  /**
   * The invocation finished before the guard fired: clear the timer. True when this call did it, false when the
   * guard had already fired or been disarmed (the invocation's outcome was settled before).
   */
  disarm(): boolean {
    if (this.#state === 'fired' || this.#state === 'done') return false
    this.#state = 'done'
    this.#clearTimer()
    this.#onFire = undefined
    return true
  }

  /** Fires now (idempotent); resolves with the TimeoutError once cleanups and flushing are over. */
  fire(): Promise<TimeoutError> {
    if (this.#expiry) return this.#expiry
    this.#clearTimer()
    this.#state = 'fired'
    const error = new TimeoutError({ deadline: this.deadline, marginMs: this.marginMs })
    this.#error = error
    this.#controller?.abort(error)
    this.#expiry = this.#cleanUp(error)
    this.#onFire?.(this.#expiry)
    this.#onFire = undefined
    if (this.#resolve !== undefined) this.respond().then(this.#resolve, this.#reject)
    return this.#expiry
  }

  /**
   * The wrapper's race, once the chain returned a promise: the chain settling first disarms the guard and gives
   * its outcome; the guard firing first gives the timeout response, and the chain's late outcome is dropped (a
   * late rejection is caught, never unhandled). Call it right after `arm()` and the chain's synchronous part:
   * the timer cannot fire in between. One promise and two reactions per call, no closure for the timer's side.
   */
  race(result: PromiseLike<unknown>): Promise<unknown> {
    const { promise, resolve, reject } = Promise.withResolvers<unknown>()
    this.#resolve = resolve
    this.#reject = reject
    result.then(
      (value) => {
        if (this.disarm()) resolve(value)
      },
      (error: unknown) => {
        if (this.disarm()) reject(error)
      },
    )
    return promise
  }

  /** The timeout response, once: `onTimeout(request, error)`, or a rejection with the TimeoutError. */
  async respond(): Promise<unknown> {
    const error = await this.fire()
    this.#responded = true
    const { onTimeout } = this.#settings
    if (!onTimeout) throw error
    const request = this.request ?? {
      event: this.#event,
      context: this.#context,
      response: undefined,
      error,
      internal: {},
    }
    return onTimeout(request, error)
  }

  get responded(): boolean {
    return this.#responded
  }

  #fireFromTimer(): void {
    this.#timer = undefined
    // A middleware answered early (middy marks that on the request) and skipped ours: the invocation is over.
    if (!this.wrapped && this.request && 'earlyResponse' in this.request) this.disarm()
    else void this.fire()
  }

  async #cleanUp(error: TimeoutError): Promise<TimeoutError> {
    const { clock, flush } = this.#settings
    const cleanups = await settleWithin(this.#cleanups ?? [], this.deadline - this.marginMs / 2, clock)
    error.cleanupErrors.push(...cleanups.errors)
    error.unfinishedCleanups = cleanups.unfinished
    // Loggers first, then stdio: a logger's flush writes what stdio then has to drain.
    for (const flushers of [flush, [flushStdio]]) {
      const flushed = await settleWithin(flushers, this.deadline - this.marginMs / 4, clock)
      error.cleanupErrors.push(...flushed.errors)
    }
    return error
  }
}
