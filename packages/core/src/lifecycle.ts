import type { Context } from 'aws-lambda'

/** How this execution environment was initialised (`AWS_LAMBDA_INITIALIZATION_TYPE`). */
export type InitializationType = 'on-demand' | 'provisioned-concurrency' | 'snap-start' | (string & {})

/** Facts about the container and the current invocation, on `context.lifecycle`. */
export interface Lifecycle {
  /**
   * True on the first invocation of this handler in this container when the container was started on demand.
   * Provisioned concurrency and SnapStart initialise ahead of traffic, so their first invocation is not cold.
   */
  readonly coldStart: boolean
  /** True on the first invocation of this handler in this container, however it was initialised. */
  readonly firstInvocation: boolean
  /** 1-based count of invocations of this handler in this container. */
  readonly invocation: number
  /** `AWS_LAMBDA_INITIALIZATION_TYPE`, `on-demand` when unset (tests, other hosts). */
  readonly initializationType: InitializationType
  /** Epoch ms when Lambda stops the invocation: `Date.now() + context.getRemainingTimeInMillis()` at its start. */
  readonly deadline: number
  /** Epoch ms when the invocation started. */
  readonly startedAt: number
}

/** The context a sluice handler and middleware sees: Lambda's, plus `lifecycle`. */
export interface LifecycleContext {
  lifecycle: Lifecycle
}

let currentPhase: 'init' | 'invoke' = 'init'

/**
 * `init` while module scope runs (before the first invocation in this process), `invoke` after.
 *
 * @example
 * if (phase() === 'init') prefetchConfig()
 */
export const phase = (): 'init' | 'invoke' => currentPhase

/** Reads `AWS_LAMBDA_INITIALIZATION_TYPE` (set by Lambda before INIT). */
export const initializationType = (): InitializationType =>
  process.env.AWS_LAMBDA_INITIALIZATION_TYPE || 'on-demand'

const NO_DEADLINE = Number.POSITIVE_INFINITY

/**
 * One invocation's facts. The deadline is read from the context on first use: it is an absolute time, so reading
 * it later gives the same value, and invocations that never ask pay nothing for it.
 */
class InvocationLifecycle implements Lifecycle {
  readonly coldStart: boolean
  readonly firstInvocation: boolean
  readonly invocation: number
  readonly initializationType: InitializationType
  readonly startedAt: number
  readonly #context: Context
  #deadline: number | undefined

  constructor(context: Context, invocation: number, type: InitializationType) {
    this.#context = context
    this.invocation = invocation
    this.initializationType = type
    this.firstInvocation = invocation === 1
    this.coldStart = invocation === 1 && type === 'on-demand'
    this.startedAt = Date.now()
  }

  get deadline(): number {
    if (this.#deadline === undefined) {
      const context = this.#context
      this.#deadline =
        typeof context.getRemainingTimeInMillis === 'function'
          ? Date.now() + context.getRemainingTimeInMillis()
          : NO_DEADLINE
    }
    return this.#deadline
  }

  toJSON(): Lifecycle {
    const { coldStart, firstInvocation, invocation, initializationType, deadline, startedAt } = this
    return { coldStart, firstInvocation, invocation, initializationType, deadline, startedAt }
  }
}

/**
 * The lifecycle facts of one invocation. `invocation` is the 1-based count kept by the caller; the
 * initialization type defaults to the environment's (pass it to skip the `process.env` read, which is slow).
 *
 * @example
 * const facts = createLifecycle(context, 1)
 */
export const createLifecycle = (
  context: Context,
  invocation: number,
  type: InitializationType = initializationType(),
): Lifecycle => {
  currentPhase = 'invoke'
  return new InvocationLifecycle(context, invocation, type)
}

/**
 * A per-container invocation counter: each call is one invocation and gives its lifecycle — the one the
 * `lifecycle()` middleware already attached to `context` when there is one, else its own reading. Middlewares
 * that must know about cold starts in a plain middy stack (logger, tracer) keep one instead of counting again.
 *
 * @example
 * const track = lifecycleTracker()
 * const before = (request) => { const { coldStart } = track(request.context) }
 */
export const lifecycleTracker = (): ((context: Context & Partial<LifecycleContext>) => Lifecycle) => {
  let invocations = 0
  let type: InitializationType | undefined
  return function trackInvocation(context) {
    invocations += 1
    if (context.lifecycle) return context.lifecycle
    // Lambda sets the variable before INIT and never changes it: read it once per container.
    type ??= initializationType()
    return createLifecycle(context, invocations, type)
  }
}

/**
 * The lifecycle of the invocation that owns `context`: the one the `lifecycle()` middleware (or `lambda()`)
 * attached, else a standalone reading (invocation 0, not cold) so middlewares work in any middy stack.
 *
 * @example
 * const { deadline } = lifecycleOf(request.context)
 */
export const lifecycleOf = (context: Context & Partial<LifecycleContext>): Lifecycle =>
  context.lifecycle ?? createLifecycle(context, 0)
