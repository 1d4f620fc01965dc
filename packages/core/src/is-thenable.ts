/**
 * True for a promise or any object with a `then` method: how sluice tells an async result from a synchronous one
 * without awaiting (a synchronous result keeps the fast path, with no microtask and no timer). For a value typed
 * `T | PromiseLike<T>` it narrows to `PromiseLike<T>`.
 *
 * @example
 * const result = handler(event)
 * if (isThenable(result)) await result
 */
export const isThenable = <T>(value: T | PromiseLike<T>): value is PromiseLike<T> =>
  typeof (value as PromiseLike<T> | null | undefined)?.then === 'function'
