import type { InitializationType } from '@sluice/core'
import type { Context } from 'aws-lambda'
import { type ContextOptions, contextSettings, createContext, createLogStreamName } from './context.ts'
import { ContainerDisposedError, LambdaInvokeError } from './errors.ts'
import { createInitPhase } from './init-phase.ts'
import { type InvokableHandler, type InvokeResult, lambdaErrorOf, runInvocation } from './invoke.ts'
import { lambdaEnv } from './lambda-env.ts'
import { TIMEOUT_ERROR_TYPE } from './lambda-error.ts'
import { moduleUrl } from './load-handler.ts'

/**
 * One simulated execution environment: which handler module, and the function settings every
 * invocation's context and the Lambda environment variables are built from.
 *
 * @example
 * const options: ContainerOptions = { module: new URL('./handler.ts', import.meta.url), timeoutMs: 1000 }
 */
export type ContainerOptions = Pick<
  ContextOptions,
  'functionName' | 'functionVersion' | 'memoryMb' | 'timeoutMs' | 'region' | 'accountId' | 'alias' | 'clock'
> & {
  /** Absolute path or `file:` URL of the handler module. */
  module: string | URL
  exportName?: string
  /** Extra environment variables, set with the Lambda ones for the container's life. */
  env?: Record<string, string>
  initializationType?: InitializationType
}

/**
 * Per-invocation context fields (everything else comes from the container).
 *
 * @example
 * await container.invoke(event, { awsRequestId: 'req-1', tenantId: 'acme' })
 */
export type ContainerInvokeOptions = Pick<
  ContextOptions,
  'awsRequestId' | 'identity' | 'clientContext' | 'tenantId'
>

/**
 * A handler module loaded once (INIT) and then invoked warm, one invocation at a time.
 *
 * @example
 * await using container = createContainer<{ id: string }, string>({ module: handlerUrl })
 * await container.invoke({ id: 'a' }) // cold: module scope ran just before
 * await container.invoke({ id: 'b' }) // warm: same module scope
 */
export type Container<TEvent, TResult> = {
  /** Runs INIT now: sets the Lambda environment and evaluates the module. Invocations do it lazily. */
  start(): Promise<void>
  invoke(event: TEvent, options?: ContainerInvokeOptions): Promise<Awaited<TResult>>
  /** Like `invoke`, but resolves to `{ ok, result | error, context }` instead of rejecting on failure. */
  invokeResult(event: TEvent, options?: ContainerInvokeOptions): Promise<InvokeResult<Awaited<TResult>>>
  /** Invocations started, cold or warm, successful or not. */
  readonly invocations: number
  /** INIT phases run: 1 after the first invocation, one more after each timeout (Lambda resets then). */
  readonly inits: number
  /** Wall-clock duration of the last INIT, `undefined` before the first. */
  readonly initDurationMs: number | undefined
  /** Waits for queued invocations, then restores `process.env`. */
  dispose(): Promise<void>
  [Symbol.asyncDispose](): Promise<void>
}

type Attempt<TResult> =
  | { ok: true; result: TResult; context: Context }
  | { ok: false; thrown: unknown; context: Context }

/**
 * Simulates one Lambda container in this process. INIT sets the Lambda environment variables and
 * imports the handler module with a unique `?sluice-container=<n>` query, so its module scope runs
 * again for this container only; modules it imports are shared with the rest of the process (use
 * `@sluice/runtime` for whole-process isolation). `TEvent`/`TResult` declare the handler's types.
 *
 * @example
 * const container = createContainer<SQSEvent, void>({ module: new URL('./handler.ts', import.meta.url) })
 * await container.invoke(events.sqs())
 * await container.invoke(events.sqs()) // warm
 * await container.dispose()
 */
export function createContainer<TEvent = unknown, TResult = unknown>(
  options: ContainerOptions,
): Container<TEvent, TResult> {
  const url = moduleUrl(options.module)
  const settings = contextSettings(options)
  const logStreamName = createLogStreamName(settings.clock.now(), settings.functionVersion)
  const contextDefaults: ContextOptions = { ...settings, alias: options.alias, logStreamName }
  const env = {
    ...lambdaEnv({
      ...settings,
      logGroupName: `/aws/lambda/${settings.functionName}`,
      logStreamName,
      initializationType: options.initializationType ?? 'on-demand',
    }),
    ...options.env,
  }
  let tail: Promise<unknown> = Promise.resolve()
  let disposed = false
  let invocations = 0

  /** Only the function-ness can be checked at run time; the event and result types are the caller's word. */
  function isHandler(value: unknown): value is InvokableHandler<TEvent, TResult> {
    return typeof value === 'function'
  }

  const init = createInitPhase({ url, exportName: options.exportName ?? 'handler', env, isHandler })

  /** Runs `task` after everything queued before it: one invocation at a time, like Lambda. */
  function serially<T>(task: () => Promise<T>): Promise<T> {
    if (disposed) return Promise.reject(new ContainerDisposedError())
    const run = tail.then(task)
    tail = run.catch(() => undefined)
    return run
  }

  async function attempt(
    event: TEvent,
    invokeOptions: ContainerInvokeOptions = {},
  ): Promise<Attempt<Awaited<TResult>>> {
    invocations += 1
    let handler: InvokableHandler<TEvent, TResult>
    try {
      handler = await init.handler()
    } catch (thrown) {
      return { ok: false, thrown, context: createContext({ ...contextDefaults, ...invokeOptions }) }
    }
    const context = createContext({ ...contextDefaults, ...invokeOptions })
    try {
      return { ok: true, result: await runInvocation(handler, event, context, settings.clock), context }
    } catch (thrown) {
      if (thrown instanceof LambdaInvokeError && thrown.errorType === TIMEOUT_ERROR_TYPE) init.reset()
      return { ok: false, thrown, context }
    }
  }

  async function dispose(): Promise<void> {
    disposed = true
    await tail
    init.restoreEnv()
  }

  return {
    start: async function start() {
      await serially(() => init.handler())
    },
    invoke: async function invoke(event, invokeOptions): Promise<Awaited<TResult>> {
      const outcome = await serially(() => attempt(event, invokeOptions))
      if (outcome.ok) return outcome.result
      throw outcome.thrown
    },
    invokeResult: async function invokeResult(event, invokeOptions): Promise<InvokeResult<Awaited<TResult>>> {
      const outcome = await serially(() => attempt(event, invokeOptions))
      if (outcome.ok) return outcome
      return { ok: false, error: lambdaErrorOf(outcome.thrown), context: outcome.context }
    },
    get invocations() {
      return invocations
    },
    get inits() {
      return init.count
    },
    get initDurationMs() {
      return init.durationMs
    },
    dispose,
    [Symbol.asyncDispose]: dispose,
  }
}
