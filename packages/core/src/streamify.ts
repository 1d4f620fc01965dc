import type { Writable } from 'node:stream'
import type { Context } from 'aws-lambda'
import { withInvocation } from './invocation-store.ts'
import type { Middleware } from './middleware.ts'
import { openResponseStream, type ResponseStream, sluiceStreamOf } from './response-stream.ts'
import { ResponseStreamError } from './response-stream-error.ts'
import { writeStreamResponse } from './stream-response.ts'

/**
 * The property the runtime client (`aws-lambda-ric`) reads on a handler to run it in response streaming mode;
 * `awslambda.streamifyResponse()` sets it to `'response'`. sluice sets it itself, so a streaming handler is one
 * with or without the runtime's global.
 *
 * @example
 * handler[HANDLER_STREAMING] // 'response'
 */
export const HANDLER_STREAMING: unique symbol = Symbol.for('aws.lambda.runtime.handler.streaming')

/**
 * A Lambda streaming handler, as `awslambda.streamifyResponse()` makes and the runtime calls it: `(event,
 * responseStream, context)`, resolving once the stream ended. What `lambda().stream()` returns.
 *
 * @example
 * const handler: StreamingHandler<LambdaFunctionURLEvent> = lambda<LambdaFunctionURLEvent>().stream(() => 'hi')
 */
export type StreamingHandler<TEvent = unknown> = ((
  event: TEvent,
  responseStream: Writable,
  context: Context,
) => Promise<void>) & { readonly [HANDLER_STREAMING]: 'response' }

/**
 * True for a handler marked for response streaming (by sluice or by `awslambda.streamifyResponse()`).
 *
 * @example
 * if (isStreamingHandler(handler)) await handler(event, stream, context)
 */
export const isStreamingHandler = (handler: unknown): handler is StreamingHandler =>
  typeof handler === 'function' && Reflect.get(handler, HANDLER_STREAMING) === 'response'

/**
 * Turns a buffered-style handler `(event, context) => response` (a middy handler, a `lambda()` chain) into a
 * Lambda streaming handler. The handler finds the stream with `responseStreamOf(context)` and may write to it;
 * what it returns is sent after, as in middy's streaming mode ({@link writeStreamResponse}). The invocation fails
 * — the runtime sends error trailers after the bytes already written — when the handler rejects, the stream is
 * destroyed with an error (a failed pipeline, `@sluice/timeout` at the deadline), or the response cannot be
 * sent. `lambda().stream()` is built on it.
 *
 * @example
 * export const handler = streamify(
 *   middy().use(timeout()).handler(async (event, context) => {
 *     const stream = responseStreamOf(context)
 *     stream?.write('working… ')
 *     return 'done'
 *   }),
 * )
 */
export const streamify = <TEvent>(
  handler: (event: TEvent, context: Context) => Promise<unknown>,
): StreamingHandler<TEvent> => {
  const entered = withInvocation(async function sluiceStreamInvocation(event: TEvent, context: Context) {
    const stream = sluiceStreamOf(context)
    if (stream === undefined) throw notOpen()
    try {
      const response = await Promise.race([handler(event, context), stream.failed])
      // An onError middleware answered, but the body had started: the caller must see the failure.
      if (stream.chainError !== undefined && stream.started) throw stream.chainError.error
      await Promise.race([writeStreamResponse(stream, response, stream.started), stream.failed])
    } catch (error) {
      // Later writes (work the handler left running) must not follow the runtime's error trailers.
      stream.destroy()
      throw error
    }
  })
  const streaming = function sluiceStream(event: TEvent, responseStream: Writable, context: Context) {
    openResponseStream(context, responseStream)
    return entered(event, context)
  }
  return Object.assign(streaming, { [HANDLER_STREAMING]: 'response' as const })
}

const notOpen = () =>
  new ResponseStreamError(
    'STREAM_NOT_OPEN',
    'no response stream for this invocation: call the handler streamify() returned, not the one it wraps',
  )

/**
 * The business function of `lambda().stream()` as a chain handler: it gets the invocation's stream as its
 * second argument.
 *
 * @example
 * const inner = passStream((event, stream) => stream.end('hi'))
 */
export const passStream =
  <TEvent, TContext extends Context, TResult>(
    fn: (event: TEvent, responseStream: ResponseStream, context: TContext) => TResult,
  ) =>
  (event: TEvent, context: TContext): TResult => {
    const stream = sluiceStreamOf(context)
    if (stream === undefined) throw notOpen()
    return fn(event, stream, context)
  }

/**
 * Notes the chain's error on the stream. `lambda().stream()` adds it last, so its `onError` runs first and sees
 * the error before any `onError` answers it.
 *
 * @example
 * const inner = middy().use(httpErrorHandler()).use(streamErrors).handler(work)
 */
export const streamErrors: Middleware = {
  onError: function streamErrorsOnError(request) {
    const stream = sluiceStreamOf(request.context)
    if (stream !== undefined) stream.chainError = { error: request.error }
  },
}
