import { finished } from 'node:stream/promises'
import type { ResponseStream } from '@sluice/core'
import type { Context } from 'aws-lambda'
import { type Clock, scheduleOn } from './clock.ts'
import { contextTiming } from './context.ts'
import { type LambdaErrorShape, lambdaTimeoutError, toLambdaError } from './lambda-error.ts'
import { type StreamedResult, StreamRecorder } from './stream-recorder.ts'

/**
 * A Lambda streaming handler as the runtime calls it: `(event, responseStream, context)`, made by
 * `lambda().stream()` or `awslambda.streamifyResponse()` (which mark it for the runtime). It must return a
 * promise: a handler that does not fails as in the runtime client (`@types/aws-lambda` allows one).
 *
 * @example
 * const handler: StreamingInvokable<{ n: number }> = async (event, stream) => {
 *   stream.end(String(event.n))
 * }
 */
export type StreamingInvokable<$Event> = (
  event: $Event,
  responseStream: ResponseStream,
  context: Context,
) => unknown

const STREAMING = Symbol.for('aws.lambda.runtime.handler.streaming')

/**
 * Whether the runtime would run `handler` in response streaming mode: the mark `awslambda.streamifyResponse()`
 * and `lambda().stream()` put on it.
 *
 * @example
 * isMarkedStreaming(lambda().stream(() => 'hi')) // true
 */
export function isMarkedStreaming(handler: unknown): boolean {
  return typeof handler === 'function' && Reflect.get(handler, STREAMING) === 'response'
}

const isPromiseLike = (value: unknown): value is PromiseLike<unknown> =>
  typeof value === 'object' && value !== null && typeof Reflect.get(value, 'then') === 'function'

/**
 * Runs one streaming invocation as the runtime client does: the handler must return a promise, and the
 * invocation ends when it resolved and the stream ended, or with an error when it rejects, its stream fails, or
 * the context's time runs out (on `clock`). Never rejects: the error is in the result.
 *
 * @example
 * const streamed = await runStreamingInvocation(handler, event, createContext({ clock }), clock)
 */
export function runStreamingInvocation<$Event>(
  handler: StreamingInvokable<$Event>,
  event: $Event,
  context: Context,
  clock: Pick<Clock, 'now'>,
): Promise<StreamedResult> {
  const timeoutMs = contextTiming(context)?.timeoutMs ?? context.getRemainingTimeInMillis()
  const start = clock.now()
  const recorder = new StreamRecorder(() => clock.now() - start)
  return new Promise(function settleStream(resolve) {
    let open = true
    const settle = (error?: LambdaErrorShape) => {
      if (!open) return
      open = false
      cancel()
      recorder.close()
      resolve(recorder.result({ durationMs: clock.now() - start, context, error }))
    }
    const fail = (thrown: unknown) => settle(toLambdaError(thrown))
    const cancel = scheduleOn(
      clock,
      function onDeadline() {
        settle(lambdaTimeoutError(timeoutMs))
      },
      context.getRemainingTimeInMillis(),
    )
    // The runtime ends the response on the stream's own failure too (a handler that destroyed it).
    const ended = finished(recorder)
    ended.catch(fail)
    let result: unknown
    try {
      result = handler(event, recorder, context)
    } catch (thrown) {
      fail(thrown)
      return
    }
    if (!isPromiseLike(result)) {
      fail(new Error('Streaming does not support non-async handlers.'))
      return
    }
    // As the runtime client: the handler's promise first, then the end of the stream it must have ended.
    result.then(() => ended.then(() => settle(), fail), fail)
  })
}
