import type { Context } from 'aws-lambda'
import { type Clock, realTime, scheduleOn } from './clock.ts'
import { type ContextOptions, contextTiming, createContext } from './context.ts'
import { LambdaInvokeError } from './errors.ts'
import { isMarkedStreaming, runStreamingInvocation, type StreamingInvokable } from './invoke-stream.ts'
import { type LambdaErrorShape, lambdaTimeoutError, toLambdaError } from './lambda-error.ts'
import type { StreamedResult } from './stream-recorder.ts'

/**
 * A Lambda handler as the Node.js 24 runtime calls it: `(event, context)`, returning the result or a
 * promise of it. Handlers typed with `@types/aws-lambda`'s `Handler` (which declares a callback) fit too;
 * no callback is ever passed.
 *
 * @example
 * const handler: InvokableHandler<{ n: number }, number> = async (event) => event.n * 2
 */
export type InvokableHandler<$Event, $Result> = (
  event: $Event,
  context: Context,
  ...callback: never[]
) => $Result

/**
 * Either a ready context (and optionally the clock to time out on), or options to create one.
 *
 * @example
 * await invoke(handler, event, { timeoutMs: 500, clock: createClock(0) })
 * await invoke(handler, event, { context: createContext({ functionName: 'orders' }) })
 */
export type InvokeOptions =
  | (ContextOptions & { context?: undefined })
  | { context: Context; clock?: Pick<Clock, 'now'> }

/**
 * What `invokeResult` resolves to: the result, or the error body Lambda would return, and the context used.
 *
 * @example
 * const outcome: InvokeResult<number> = await invokeResult(handler, { n: 2 })
 * if (outcome.ok) outcome.result // 4
 * else outcome.error.errorType // e.g. 'Sandbox.Timedout'
 */
export type InvokeResult<$Result> =
  | { ok: true; result: $Result; context: Context }
  | { ok: false; error: LambdaErrorShape; context: Context }

/**
 * The `errorType` the Node.js runtime (aws-lambda-ric) reports when the result cannot be turned into JSON.
 *
 * @example
 * await expect(invoke(() => circular, {})).rejects.toMatchObject({ errorType: SERIALIZATION_ERROR_TYPE })
 */
export const SERIALIZATION_ERROR_TYPE = 'Runtime.JSONStringifyError'

/**
 * Calls `handler` like Lambda would: with a fresh context (or the one given), failing with a
 * `LambdaInvokeError` if it overruns the context's remaining time (`errorType` `'Sandbox.Timedout'`),
 * throws (`errorType` = the error's name, `cause` = the error), or returns something JSON cannot encode.
 * The timeout runs on the context's clock: a `VirtualClock` times out on `advance`, the system clock on
 * real or vitest-faked timers.
 *
 * A streaming handler (`lambda().stream()`, `awslambda.streamifyResponse()`: marked for the runtime) gets a
 * response stream shaped like the runtime client's, and `invoke` resolves with a {@link StreamedResult}: the
 * chunks with their times on the same clock, the body, the HTTP prelude, and the error the stream ended with, if
 * any. It never rejects for the invocation's failure, since the bytes sent before it matter too.
 *
 * @example
 * const handler = async (event: { name: string }) => `hello ${event.name}`
 * await invoke(handler, { name: 'ada' }) // 'hello ada'
 * await invoke(() => new Promise(() => {}), {}, { timeoutMs: 50 }) // rejects: Task timed out after 0.05 seconds
 * const { chunks, prelude } = await invoke(lambda().stream(() => ({ statusCode: 200, body: 'hi' })), {})
 */
export function invoke<$Event, $Result>(
  handler: InvokableHandler<$Event, $Result>,
  event: NoInfer<$Event>,
  options?: InvokeOptions,
): Promise<Awaited<$Result>>
export function invoke<$Event>(
  handler: StreamingInvokable<$Event>,
  event: NoInfer<$Event>,
  options?: InvokeOptions,
): Promise<StreamedResult>
export function invoke<$Event>(
  handler: InvokableHandler<$Event, unknown> | StreamingInvokable<$Event>,
  event: $Event,
  options: InvokeOptions = {},
): Promise<unknown> {
  const { context, clock } = resolveInvocation(options)
  if (isStreaming(handler)) return runStreamingInvocation(handler, event, context, clock)
  return runInvocation(handler, event, context, clock)
}

const isStreaming = <$Event>(
  handler: InvokableHandler<$Event, unknown> | StreamingInvokable<$Event>,
): handler is StreamingInvokable<$Event> => isMarkedStreaming(handler)

/**
 * Like `invoke`, but never rejects: resolves to `{ ok: true, result }` or `{ ok: false, error }` where
 * `error` is the JSON body Lambda would return. Both carry the context the handler saw.
 *
 * @example
 * const outcome = await invokeResult(async () => { throw new TypeError('bad') }, {})
 * outcome.ok === false && outcome.error.errorType // 'TypeError'
 */
export async function invokeResult<$Event, $Result>(
  handler: InvokableHandler<$Event, $Result>,
  event: NoInfer<$Event>,
  options: InvokeOptions = {},
): Promise<InvokeResult<Awaited<$Result>>> {
  const { context, clock } = resolveInvocation(options)
  try {
    return { ok: true, result: await runInvocation(handler, event, context, clock), context }
  } catch (error) {
    return { ok: false, error: lambdaErrorOf(error), context }
  }
}

/**
 * Runs one invocation of `handler` with `context`, timing out on `clock`. The building block of
 * `invoke` and of containers.
 *
 * @example
 * await runInvocation(handler, event, createContext({ clock }), clock)
 */
export function runInvocation<$Event, $Result>(
  handler: InvokableHandler<$Event, $Result>,
  event: $Event,
  context: Context,
  clock: Pick<Clock, 'now'>,
): Promise<Awaited<$Result>> {
  const timeoutMs = contextTiming(context)?.timeoutMs ?? context.getRemainingTimeInMillis()
  return new Promise(function settleInvocation(resolve, reject) {
    const cancel = scheduleOn(
      clock,
      function onDeadline() {
        reject(timeoutError(timeoutMs))
      },
      context.getRemainingTimeInMillis(),
    )
    const work = (async function callHandler(): Promise<Awaited<$Result>> {
      return await handler(event, context)
    })()
    work.then(
      function onResult(result) {
        cancel()
        const serializationError = serializationErrorOf(result)
        if (serializationError) reject(serializationError)
        else resolve(result)
      },
      function onThrown(thrown: unknown) {
        cancel()
        reject(new LambdaInvokeError(toLambdaError(thrown), { cause: thrown }))
      },
    )
  })
}

/**
 * The Lambda error body for anything an invocation rejected with.
 *
 * @example
 * lambdaErrorOf(await invoke(h, e).catch((error: unknown) => error)).errorType
 */
export function lambdaErrorOf(error: unknown): LambdaErrorShape {
  return error instanceof LambdaInvokeError ? error.lambdaError : toLambdaError(error)
}

function resolveInvocation(options: InvokeOptions): { context: Context; clock: Pick<Clock, 'now'> } {
  if (options.context) {
    const clock = options.clock ?? contextTiming(options.context)?.clock ?? realTime
    return { context: options.context, clock }
  }
  return { context: createContext(options), clock: options.clock ?? realTime }
}

function timeoutError(timeoutMs: number): LambdaInvokeError {
  return new LambdaInvokeError(lambdaTimeoutError(timeoutMs))
}

/** Lambda sends the result as JSON; a result JSON cannot encode fails the invocation. */
function serializationErrorOf(result: unknown): LambdaInvokeError | undefined {
  try {
    JSON.stringify(result)
    return undefined
  } catch (thrown) {
    const lambdaError = {
      errorType: SERIALIZATION_ERROR_TYPE,
      errorMessage: 'Unable to stringify response body',
      trace: [],
    }
    return new LambdaInvokeError(lambdaError, { cause: thrown })
  }
}
