import type { Context } from 'aws-lambda'
import { type Clock, systemClock } from './clock.ts'
import { deadlineOf } from './deadline.ts'

/**
 * How this execution environment was initialised (`AWS_LAMBDA_INITIALIZATION_TYPE`); open to values Lambda adds.
 *
 * @example
 * const type: InitializationType = 'provisioned-concurrency'
 */
export type InitializationType =
  | 'on-demand'
  | 'provisioned-concurrency'
  | 'snap-start'
  | 'lambda-managed-instances'
  | (string & {})

/**
 * Facts about the container and the current invocation, on `context.lifecycle`. "Container" is where the handler's
 * module scope lives: the execution environment, or under Managed Instances each runtime worker thread of it
 * (each runs INIT and keeps its own module state).
 */
export interface Lifecycle {
  /**
   * True on the first invocation of this handler in this container when the container was started on demand.
   * Provisioned concurrency, SnapStart and Managed Instances initialise ahead of traffic, so their first
   * invocation is not cold (as Powertools reports it). Invocations that start while the first is still running
   * are not cold either: the count is taken when each starts.
   */
  readonly coldStart: boolean
  /** True on the first invocation of this handler in this container, however it was initialised. */
  readonly firstInvocation: boolean
  /** 1-based count of invocations of this handler in this container, in the order they started. */
  readonly invocation: number
  /** `AWS_LAMBDA_INITIALIZATION_TYPE`, `on-demand` when unset (tests, other hosts). */
  readonly initializationType: InitializationType
  /**
   * Epoch ms when Lambda stops the invocation: `clock.now() + context.getRemainingTimeInMillis()`, read once;
   * `Infinity` for a context without `getRemainingTimeInMillis` (a plain object in a script).
   */
  readonly deadline: number
  /** Epoch ms when the invocation started, on the lifecycle's clock. */
  readonly startedAt: number
  /**
   * The time the invocation had when it started (`deadline - startedAt`): the function timeout, less what Lambda
   * spent before the handler ran. What a margin given as a share of the timeout is taken of. `Infinity` without
   * a deadline.
   */
  readonly timeoutMs: number
  /** ms left until the deadline now, on the lifecycle's clock, never below 0; `Infinity` without a deadline. */
  remaining(): number
}

/**
 * Options of the lifecycle readers (`lifecycle()`, `lifecycleTracker()`, `createLifecycle()`).
 *
 * @example
 * const options: LifecycleOptions = { clock: createClock(0) } // a virtual clock from @sluice/testing
 */
export interface LifecycleOptions {
  /** Where `startedAt`, `deadline` and `remaining()` read the time. Default {@link systemClock}. */
  readonly clock?: Pick<Clock, 'now'>
  /** Skips the `process.env` read (slow) when the caller already knows it. Default {@link initializationType}. */
  readonly initializationType?: InitializationType
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

/**
 * One invocation's facts. What is known at the start is stored (a few numbers and booleans, own properties, so a
 * spread or `JSON.stringify` of the lifecycle keeps them); the deadline is read from the context on first use: it
 * is an absolute time, so reading it later gives the same value, and invocations that never ask pay nothing for
 * it (a clock read and a call into the runtime's context).
 */
class InvocationLifecycle implements Lifecycle {
  // `declare`: assigned once in the constructor, not first defined as undefined by a class field (a second store
  // and shape change per field on every invocation).
  declare readonly coldStart: boolean
  declare readonly firstInvocation: boolean
  declare readonly invocation: number
  declare readonly initializationType: InitializationType
  declare readonly startedAt: number
  readonly #context: Context
  readonly #clock: Pick<Clock, 'now'>
  #deadline: number | undefined

  constructor(context: Context, invocation: number, type: InitializationType, clock: Pick<Clock, 'now'>) {
    this.#context = context
    this.#clock = clock
    this.invocation = invocation
    this.initializationType = type
    this.firstInvocation = invocation === 1
    this.coldStart = invocation === 1 && type === 'on-demand'
    this.startedAt = clock.now()
  }

  get deadline(): number {
    this.#deadline ??= deadlineOf(this.#context, this.#clock)
    return this.#deadline
  }

  get timeoutMs(): number {
    return this.deadline - this.startedAt
  }

  remaining(): number {
    return Math.max(0, this.deadline - this.#clock.now())
  }

  toJSON(): Omit<Lifecycle, 'remaining'> {
    const { coldStart, firstInvocation, invocation, initializationType, deadline, startedAt, timeoutMs } =
      this
    return { coldStart, firstInvocation, invocation, initializationType, deadline, startedAt, timeoutMs }
  }
}

// The per-invocation path: no options object to allocate and destructure.
const startInvocation = (
  context: Context,
  invocation: number,
  type: InitializationType,
  clock: Pick<Clock, 'now'>,
): Lifecycle => {
  currentPhase = 'invoke'
  return new InvocationLifecycle(context, invocation, type, clock)
}

/**
 * The lifecycle facts of one invocation. `invocation` is the 1-based count kept by the caller; the
 * initialization type defaults to the environment's, the clock to {@link systemClock}.
 *
 * @example
 * const facts = createLifecycle(context, 1, { clock: createClock(0) })
 */
export const createLifecycle = (
  context: Context,
  invocation: number,
  { clock = systemClock, initializationType: type = initializationType() }: LifecycleOptions = {},
): Lifecycle => startInvocation(context, invocation, type, clock)

/**
 * A per-container invocation counter: each call is one invocation and gives its lifecycle — the one the
 * `lifecycle()` middleware already attached to `context` when there is one, else its own reading. Middlewares
 * that must know about cold starts in a plain middy stack (logger, tracer) keep one instead of counting again.
 *
 * @example
 * const track = lifecycleTracker()
 * const before = (request) => { const { coldStart } = track(request.context) }
 */
export const lifecycleTracker = ({
  clock = systemClock,
}: Pick<LifecycleOptions, 'clock'> = {}): ((context: Context & Partial<LifecycleContext>) => Lifecycle) => {
  let invocations = 0
  let type: InitializationType | undefined
  return function trackInvocation(context) {
    invocations += 1
    if (context.lifecycle) return context.lifecycle
    // Lambda sets the variable before INIT and never changes it: read it once per container.
    type ??= initializationType()
    return startInvocation(context, invocations, type, clock)
  }
}

/**
 * The lifecycle of the invocation that owns `context`: the one the `lifecycle()` middleware (or `lambda()`)
 * attached, else a standalone reading (invocation 0, not cold) so middlewares work in any middy stack.
 *
 * @example
 * const { deadline, timeoutMs } = lifecycleOf(request.context)
 */
export const lifecycleOf = (
  context: Context & Partial<LifecycleContext>,
  clock: Pick<Clock, 'now'> = systemClock,
): Lifecycle => context.lifecycle ?? startInvocation(context, 0, initializationType(), clock)
