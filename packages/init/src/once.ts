import { isThenable } from '@sluice/core'
import { checkFunction, InitError } from './errors.ts'
import { inside, type LoaderRun, mayWaitOn, settleRun, startRun } from './reentry.ts'

/** Where a {@link once} accessor stands: nothing yet, a promise in flight, or a value. */
export type OnceState = 'idle' | 'pending' | 'ready'

/**
 * The accessor {@link once} returns: call it for the value (the same one every time), plus a few extras.
 * For an async factory the accessor returns the same promise to every caller.
 */
export interface Once<TValue> {
  (): TValue
  /** The value if it is ready (a sync factory ran, or the promise resolved), else `undefined`; never runs the factory. */
  peek(): Awaited<TValue> | undefined
  /** `idle` (not created, or the last attempt failed), `pending` (a promise in flight) or `ready`. */
  readonly state: OnceState
  /** Forgets the value so the next call runs the factory again (tests; a client whose connection died). */
  reset(): void
}

/**
 * A lazy singleton for this container: the factory runs on the first call, and every later call gets the same
 * value. Async factories are shared while in flight (concurrent callers get one promise). A failure — a throw or
 * a rejection — is not kept: the next call runs the factory again. A factory that reaches its own accessor, at
 * once or after an await, directly or through other `once()`/`cached()` values it waits on, fails with
 * `ONCE_REENTERED` instead of waiting on itself forever. Create it at module scope.
 *
 * @example
 * const dynamo = once(() => new DynamoDBClient({}))            // () => DynamoDBClient
 * const pool = once(async () => connect(process.env.DB_URL))   // () => Promise<Pool>
 * export const handler = async () => (await pool()).query('select 1')
 */
export function once<$Value>(factory: () => $Value): Once<$Value> {
  checkFunction('factory', factory)
  let state: OnceState | 'creating' = 'idle'
  let value: $Value | undefined
  let settled: Awaited<$Value> | undefined

  const reentered = () =>
    new InitError(
      'The once() factory reached its own accessor (directly, or through values it waits on): it would never ' +
        'finish; break the cycle',
      { code: 'ONCE_REENTERED' },
    )
  // The run of the factory in flight: callers inside it (or inside loaders it waits on) must not wait on it.
  let run: LoaderRun | undefined

  function create(): $Value {
    if (state === 'creating') throw reentered()
    state = 'creating'
    const current = startRun(true)
    run = current
    let made: $Value
    try {
      made = inside(current, factory)
    } catch (error) {
      settleRun(current)
      state = 'idle'
      throw error
    }
    value = made
    if (!isThenable(made)) {
      settleRun(current)
      state = 'ready'
      settled = made as Awaited<$Value>
      return made
    }
    state = 'pending'
    // Handling the rejection here also keeps a failed INIT-time call nobody awaited from being unhandled.
    made.then(
      function onceResolved(result) {
        settleRun(current)
        if (value !== made) return
        state = 'ready'
        settled = result as Awaited<$Value>
      },
      function onceRejected() {
        settleRun(current)
        if (value !== made) return
        state = 'idle'
        value = undefined
      },
    )
    return made
  }

  const accessor = function onceAccessor(): $Value {
    if (state === 'ready') return value as $Value
    if (state !== 'pending') return create()
    // Sharing the promise in flight is the point, except with the loaders it waits on: those would wait forever.
    if (run !== undefined && !mayWaitOn(run)) throw reentered()
    return value as $Value
  }
  return Object.defineProperties(accessor, {
    state: { get: () => (state === 'creating' ? 'idle' : state), enumerable: true },
    peek: { value: () => (state === 'ready' ? settled : undefined) },
    reset: {
      value: () => {
        state = 'idle'
        value = undefined
        settled = undefined
      },
    },
  }) as Once<$Value>
}
