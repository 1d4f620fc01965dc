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
