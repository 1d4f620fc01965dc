import type { Readable } from 'node:stream'
import { finished, pipeline } from 'node:stream/promises'
import { type HttpPrelude, httpResponseStream } from './http-response-stream.ts'
import type { ResponseStream } from './response-stream.ts'
import { ResponseStreamError } from './response-stream-error.ts'

/**
 * A body a streaming handler may return instead of writing it (as in middy's streaming mode): text, bytes, a
 * Node `Readable` or a web `ReadableStream`, piped to the response stream.
 *
 * @example
 * const body: StreamBody = Readable.from(['a', 'b'])
 */
export type StreamBody = string | Uint8Array | Readable | ReadableStream<Uint8Array>

/**
 * An HTTP response for a Function URL: everything but `body` becomes the prelude (status, headers, cookies),
 * written before the body.
 *
 * @example
 * const response: HttpStreamResponse = { statusCode: 200, headers: { 'content-type': 'text/csv' }, body: rows }
 */
export interface HttpStreamResponse extends HttpPrelude {
  readonly statusCode: number
  readonly body?: StreamBody | undefined
}

/**
 * What a streaming handler (and its `.catch()`) may return: a {@link StreamBody}, an {@link HttpStreamResponse},
 * or nothing when it wrote the body itself.
 *
 * @example
 * const done: StreamResponse = undefined // the handler ended the stream
 */
export type StreamResponse = StreamBody | HttpStreamResponse | null | undefined

/**
 * Empty when a builder's `.catch()` returns something a streaming handler can send; otherwise one parameter that
 * names the problem, so `.stream()` fails to compile.
 *
 * @example
 * type Fits = CatchFitsStream<{ statusCode: number }> // []
 */
// biome-ignore lint/suspicious/noConfusingVoidType: a .catch() that returns nothing returns void, not undefined
export type CatchFitsStream<TCaught> = [TCaught] extends [StreamResponse | void]
  ? []
  : [
      catchResult: 'the .catch() of a streaming handler must return a StreamResponse (text, bytes, a stream, or { statusCode, headers?, cookies?, body? })',
    ]

// A Node Readable is told by its state (as middy does): streams from another copy of node:stream count too.
const isReadable = (value: object): value is Readable | ReadableStream<Uint8Array> =>
  value instanceof ReadableStream || '_readableState' in value

const isHttpResponse = (value: object): value is HttpStreamResponse =>
  typeof Reflect.get(value, 'statusCode') === 'number'

const sendBody = async (stream: ResponseStream, body: unknown): Promise<void> => {
  if (typeof body === 'string' || body instanceof Uint8Array) {
    if (body.length === 0 && stream.writableEnded) return
    if (stream.writableEnded) throw alreadyEnded()
    stream.end(body)
    return
  }
  if (typeof body === 'object' && body !== null && isReadable(body)) {
    if (stream.writableEnded) throw alreadyEnded()
    await pipeline(body, stream)
    return
  }
  throw new ResponseStreamError(
    'STREAM_INVALID_RESPONSE',
    `a streaming handler returned ${body === null ? 'null' : typeof body}: return text, bytes, a Readable, ` +
      '{ statusCode, headers?, cookies?, body? }, or nothing once it has ended the stream',
  )
}

const alreadyEnded = () =>
  new ResponseStreamError(
    'STREAM_ALREADY_ENDED',
    'the handler ended the response stream and also returned a body: do one or the other',
  )

/**
 * Sends what a streaming handler returned, as middy's streaming mode does: nothing (the stream is ended if the
 * handler left it open), a body, or an HTTP response whose prelude is written (and flushed) before its body.
 * `started` says whether the body already began, in which case an HTTP status can no longer be sent.
 * Resolves when the runtime's stream finished; rejects with a {@link ResponseStreamError} for what cannot be sent.
 *
 * @example
 * await writeStreamResponse(stream, { statusCode: 404, body: 'no such order' }, false)
 */
export const writeStreamResponse = async (
  stream: ResponseStream,
  response: unknown,
  started: boolean,
): Promise<void> => {
  if (response === undefined || response === null) {
    if (!stream.writableEnded) stream.end()
  } else if (typeof response === 'object' && !isReadable(response) && isHttpResponse(response)) {
    if (started || stream.writableEnded) {
      throw new ResponseStreamError(
        'STREAM_PRELUDE_TOO_LATE',
        'a streaming handler returned an HTTP response after its body started: return it before writing, ' +
          'or call httpResponseStream(stream, { statusCode, headers }) before the first write',
      )
    }
    const { body = '', ...prelude } = response
    httpResponseStream(stream, prelude)
    // Flushes the prelude now, as middy does: the caller gets the status even if the body is slow to come.
    stream.write('')
    await sendBody(stream, body)
  } else {
    await sendBody(stream, response)
  }
  await finished(stream)
}
