import type { LambdaErrorShape } from './lambda-error.ts'

/**
 * Base class of every error `@sluice/testing` throws on purpose. Switch on `code`, which is stable.
 *
 * @example
 * try { buildEvent('nope') } catch (error) {
 *   if (error instanceof TestingError) console.log(error.code) // 'UNKNOWN_EVENT_BUILDER'
 * }
 */
export class TestingError extends Error {
  override name = 'TestingError'
  readonly code: string

  constructor(code: string, message: string, options?: ErrorOptions) {
    super(message, options)
    this.code = code
  }
}

/**
 * An option had a value the kit cannot use (a negative duration, a relative module path…).
 * `path` names the option.
 *
 * @example
 * createContext({ timeoutMs: -1 }) // throws InvalidOptionError, code 'INVALID_OPTION', path 'timeoutMs'
 */
export class InvalidOptionError extends TestingError {
  override name = 'InvalidOptionError'
  readonly path: string

  constructor(path: string, message: string) {
    super('INVALID_OPTION', `Invalid option \`${path}\`: ${message}`)
    this.path = path
  }
}

/**
 * `buildEvent` was given a builder name it does not know. `validNames` lists the ones it does.
 *
 * @example
 * buildEvent('sqs-ish') // throws UnknownEventBuilderError, code 'UNKNOWN_EVENT_BUILDER'
 */
export class UnknownEventBuilderError extends TestingError {
  override name = 'UnknownEventBuilderError'
  readonly builder: string
  readonly validNames: readonly string[]

  constructor(builder: string, validNames: readonly string[]) {
    super(
      'UNKNOWN_EVENT_BUILDER',
      `Unknown event builder "${builder}". Use one of: ${validNames.join(', ')}.`,
    )
    this.builder = builder
    this.validNames = validNames
  }
}

/**
 * `buildEvent` was given a parameter its builder does not take, or a value of the wrong kind.
 *
 * @example
 * buildEvent('sqs?records=many') // throws InvalidEventSpecError, code 'INVALID_EVENT_SPEC', path 'records'
 */
export class InvalidEventSpecError extends TestingError {
  override name = 'InvalidEventSpecError'
  readonly path: string

  constructor(path: string, message: string) {
    super('INVALID_EVENT_SPEC', `Invalid event spec parameter \`${path}\`: ${message}`)
    this.path = path
  }
}

/**
 * A handler called `context.done`, `context.fail` or `context.succeed`. Node.js 24 Lambda runtimes
 * only complete an invocation through the handler's returned value or promise.
 *
 * @example
 * createContext().succeed('ok') // throws CallbackNotSupportedError, code 'CALLBACK_NOT_SUPPORTED'
 */
export class CallbackNotSupportedError extends TestingError {
  override name = 'CallbackNotSupportedError'

  constructor(method: string) {
    super(
      'CALLBACK_NOT_SUPPORTED',
      `context.${method}() is not supported: callback-style completion was removed in the Node.js 24 ` +
        'Lambda runtime. Return a value (or a promise) from the handler, or throw to fail.',
    )
  }
}

/**
 * A container was used after `dispose()`. Create a new container for a new execution environment.
 *
 * @example
 * await container.dispose()
 * await container.invoke({}) // rejects with ContainerDisposedError, code 'CONTAINER_DISPOSED'
 */
export class ContainerDisposedError extends TestingError {
  override name = 'ContainerDisposedError'

  constructor() {
    super('CONTAINER_DISPOSED', 'This container was disposed. Create a new one with createContainer().')
  }
}

/**
 * An invocation failed the way Lambda reports failures: `lambdaError` is the JSON body Lambda would
 * return and `errorType` its type (`'Sandbox.Timedout'`, `'Runtime.HandlerNotFound'`, `'TypeError'`…).
 * `cause` is what the handler threw, when it threw.
 *
 * @example
 * const error = await invoke(slowHandler, {}, { timeoutMs: 10 }).catch((e: LambdaInvokeError) => e)
 * error.errorType // 'Sandbox.Timedout'
 * error.lambdaError.errorMessage // 'Task timed out after 0.01 seconds'
 */
export class LambdaInvokeError extends TestingError {
  override name = 'LambdaInvokeError'
  readonly errorType: string
  readonly lambdaError: LambdaErrorShape

  constructor(lambdaError: LambdaErrorShape, options?: ErrorOptions) {
    super('LAMBDA_INVOKE_FAILED', `${lambdaError.errorType}: ${lambdaError.errorMessage}`, options)
    this.errorType = lambdaError.errorType
    this.lambdaError = lambdaError
  }
}
