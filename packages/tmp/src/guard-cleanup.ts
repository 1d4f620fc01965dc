/** What `@sluice/timeout` puts on `context.timeout`, as far as tmp needs it (no import: the packages stay apart). */
interface CleanupRegistry {
  onCleanup(fn: () => unknown): () => void
}

const hasCleanup = (value: unknown): value is CleanupRegistry =>
  typeof value === 'object' && value !== null && typeof Reflect.get(value, 'onCleanup') === 'function'

/**
 * Runs `fn` when a deadline guard on the context fires (`context.timeout.onCleanup` of `@sluice/timeout`, or
 * anything with that shape): the guard then answers without the chain's `after`/`onError` hooks having run.
 * Returns the function that unregisters it; without a guard, nothing is registered.
 *
 * @example
 * const unregister = onGuardFired(request.context, () => handle.close())
 */
export function onGuardFired(context: object, fn: () => void): () => void {
  const guard: unknown = Reflect.get(context, 'timeout')
  return hasCleanup(guard) ? guard.onCleanup(fn) : () => {}
}
