/**
 * The JSON body Lambda returns when a Node.js function fails, as the runtime interface client builds it.
 *
 * @example
 * const shape: LambdaErrorShape = { errorType: 'TypeError', errorMessage: 'x is undefined', trace: [] }
 */
export type LambdaErrorShape = {
  errorType: string
  errorMessage: string
  trace: string[]
}

/**
 * Formats anything a handler threw the way the Node.js runtime does: an `Error` gives its `name`
 * (falling back to the constructor's name), `message` and stack lines; any other value gives
 * `typeof value`, `String(value)` and no trace.
 *
 * @example
 * toLambdaError(new RangeError('too big'))
 * // { errorType: 'RangeError', errorMessage: 'too big', trace: ['RangeError: too big', '    at …'] }
 * toLambdaError('boom') // { errorType: 'string', errorMessage: 'boom', trace: [] }
 */
export function toLambdaError(thrown: unknown): LambdaErrorShape {
  if (thrown instanceof Error) {
    return {
      errorType: thrown.name || thrown.constructor.name,
      errorMessage: thrown.message,
      trace: typeof thrown.stack === 'string' ? thrown.stack.split('\n') : [],
    }
  }
  return { errorType: typeof thrown, errorMessage: String(thrown), trace: [] }
}

/**
 * The `errorType` Lambda reports when an invocation overruns its timeout.
 *
 * @example
 * if (outcome.ok === false && outcome.error.errorType === TIMEOUT_ERROR_TYPE) retryWithMoreTime()
 */
export const TIMEOUT_ERROR_TYPE = 'Sandbox.Timedout'

/**
 * Lambda's words for a function that ran past its timeout, e.g. `Task timed out after 3.00 seconds`.
 *
 * @example
 * timedOutMessage(1230) // 'Task timed out after 1.23 seconds'
 */
export function timedOutMessage(timeoutMs: number): string {
  return `Task timed out after ${(timeoutMs / 1000).toFixed(2)} seconds`
}

/**
 * The error body Lambda returns for a timeout; with a request id, the message is prefixed as Lambda does.
 *
 * @example
 * lambdaTimeoutError(1000, 'r-1').errorMessage // 'RequestId: r-1 Error: Task timed out after 1.00 seconds'
 */
export function lambdaTimeoutError(timeoutMs: number, requestId?: string): LambdaErrorShape {
  const message = timedOutMessage(timeoutMs)
  return {
    errorType: TIMEOUT_ERROR_TYPE,
    errorMessage: requestId === undefined ? message : `RequestId: ${requestId} Error: ${message}`,
    trace: [],
  }
}
