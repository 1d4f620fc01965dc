/**
 * Calls `onError` the moment an error is assigned to `request.error`. middy assigns it before it runs any
 * `onError` middleware, and stops at the first one that answers: this is the one point every error of the chain
 * passes, whatever the order of the middlewares (a timeout guard's TimeoutError included). A watch already there
 * (another middleware's: the logger and the tracer both watch) is chained, not replaced.
 *
 * @example
 * watchErrors(request, () => finish(request))
 */
export const watchErrors = (request: { error?: unknown }, onError: () => void): void => {
  const before = Object.getOwnPropertyDescriptor(request, 'error')
  let error = request.error
  Object.defineProperty(request, 'error', {
    configurable: true,
    enumerable: true,
    get: before?.get ?? (() => error),
    set: (value: unknown) => {
      if (before?.set) before.set.call(request, value)
      else error = value
      if (value !== undefined && value !== null) onError()
    },
  })
}
