import { createEngine, runOnce, type SharedOptions } from './engine.ts'

/**
 * Options of {@link makeIdempotent}. `key` is a function of the call's arguments, or dotted paths into the
 * first argument.
 *
 * @example
 * const options: MakeIdempotentOptions<[Order]> = { key: (order) => order.id, store }
 */
export interface MakeIdempotentOptions<TArgs extends readonly unknown[]> extends SharedOptions {
  readonly key: ((...args: TArgs) => unknown) | readonly string[]
  readonly payloadValidation?: ((...args: TArgs) => unknown) | readonly string[]
  /** Tells wrapped functions apart in one Lambda function's keys; default the function's own name. */
  readonly name?: string
}

// Paths read from the first argument. Anything that is not a selector is passed on for the engine to refuse
// with IDEMPOTENCY_INVALID_OPTION (JavaScript callers can pass anything).
const overArgs = <TArgs extends readonly unknown[]>(
  selector: ((...args: TArgs) => unknown) | readonly string[],
): ((args: TArgs) => unknown) | readonly string[] => {
  if (typeof selector === 'function') return (args) => selector(...args)
  if (!Array.isArray(selector)) return selector
  return selector.map((path) => (typeof path === 'string' && path !== '' ? `0.${path}` : path))
}

/**
 * Wraps any async function so that it runs once per key: a repeated call with a completed key resolves with the
 * stored result (as JSON gives it back), one whose first call is still running rejects with
 * `IDEMPOTENCY_IN_PROGRESS`, and a call that throws releases the key. Outside a Lambda context the in-progress
 * record lasts `inProgressTimeoutMs` (default 15 minutes, Lambda's longest timeout).
 *
 * @example
 * const sendReceipt = makeIdempotent(async (order: Order) => mailer.send(order.email), {
 *   key: (order) => order.id,
 *   store: redisStore({ client: redis }),
 * })
 */
export function makeIdempotent<TArgs extends readonly unknown[], TResult>(
  fn: (...args: TArgs) => Promise<TResult>,
  options: MakeIdempotentOptions<TArgs>,
): (...args: TArgs) => Promise<TResult> {
  const engine = createEngine<TArgs>(
    {
      ...options,
      key: overArgs(options.key),
      payloadValidation: options.payloadValidation && overArgs(options.payloadValidation),
    },
    options.name ?? (fn.name || undefined),
  )
  return function idempotentCall(...args: TArgs) {
    return runOnce(engine, args, {}, () => fn(...args))
  }
}
