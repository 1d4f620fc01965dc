/** What a slot holds once its value was taken: told apart from a stored `undefined`. */
const EMPTY: unique symbol = Symbol('sluice.slot.empty')

type Holder = Record<symbol, unknown>

/**
 * Per-invocation state of one middleware instance, from its `before` to its `after` or `onError`: kept on middy's
 * request (the same object through one invocation's hooks, a new one per invocation) under a key of the slot's
 * own, so two instances of a middleware in one chain keep theirs apart and invocations in flight at once each
 * have their own. Not a WeakMap keyed by the request or its context: an entry per invocation in V8's ephemeron
 * tables cost some 150 ns an invocation (bench probe: a middleware's set and delete, fresh contexts), and with
 * the context as key it could keep whole invocations alive through young-generation collections.
 *
 * @example
 * const claims = requestSlot<Claim>('idempotency claim')
 * const before = (request) => claims.set(request, claim)
 * const after = (request) => { const claim = claims.take(request); if (claim) return complete(claim) }
 */
export interface RequestSlot<T> {
  /** Stores `value` for this request (replacing what was there). */
  set(request: object, value: T): void
  /** Whether the request holds a value (a stored `undefined` included) not taken yet. */
  has(request: object): boolean
  /** The value, left in place; `undefined` when there is none. */
  get(request: object): T | undefined
  /** The value, and the slot emptied: a second `take` (an `onError` after a failing `after`) finds nothing. */
  take(request: object): T | undefined
}

class SymbolSlot<T> implements RequestSlot<T> {
  readonly #key: symbol

  constructor(description: string) {
    this.#key = Symbol(description)
  }

  set(request: object, value: T): void {
    ;(request as Holder)[this.#key] = value
  }

  has(request: object): boolean {
    const value = (request as Holder)[this.#key]
    return value !== EMPTY && (value !== undefined || this.#key in request)
  }

  get(request: object): T | undefined {
    const value = (request as Holder)[this.#key]
    return value === EMPTY ? undefined : (value as T | undefined)
  }

  take(request: object): T | undefined {
    const value = this.get(request)
    // Emptied, not deleted: a delete would turn the request into a slow dictionary-mode object.
    if (this.#key in request) (request as Holder)[this.#key] = EMPTY
    return value
  }
}

/**
 * A {@link RequestSlot}: per-invocation state of one middleware instance, on middy's request. `description` names
 * the key in a debugger.
 *
 * @example
 * const originals = requestSlot<unknown>('parse: original event')
 */
export const requestSlot = <T>(description: string): RequestSlot<T> => new SymbolSlot<T>(description)
