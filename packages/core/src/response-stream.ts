import { finished, Writable } from 'node:stream'
import type { Context } from 'aws-lambda'
import { ResponseStreamError } from './response-stream-error.ts'

/**
 * The runtime client's first-write hook: called once, with a raw writer, just before the first chunk goes out.
 * `awslambda.HttpResponseStream.from()` (and {@link httpResponseStream}) put the HTTP prelude there.
 *
 * @example
 * const hook: BeforeFirstWrite = (write) => write('{"statusCode":200}')
 */
export type BeforeFirstWrite = (write: (chunk: string | Uint8Array) => void) => void

/**
 * The stream a streaming handler writes its response to: a Node `Writable` whose chunks go to the caller as they
 * are written, with the runtime client's `setContentType` and first-write hook. `lambda().stream()` hands one to
 * the business function; `awslambda.HttpResponseStream.from()` and `httpResponseStream()` take one.
 *
 * @example
 * const greet = (stream: ResponseStream) => {
 *   stream.setContentType('text/plain')
 *   stream.end('hello')
 * }
 */
export interface ResponseStream extends Writable {
  /** Sets the response's Content-Type. Only before the first write: the headers go out with the first chunk. */
  setContentType(contentType: string): void
  /** See {@link BeforeFirstWrite}; set by `HttpResponseStream.from()`, not by handlers. */
  _onBeforeFirstWrite?: BeforeFirstWrite | undefined
}

/** What sluice needs of the runtime's stream: the RIC's (a Writable-like object), or any Writable in tests. */
type Sink = Writable & { setContentType?: (contentType: string) => void }

/**
 * The stream sluice hands a streaming handler, in front of the runtime's. Its own layer is what lets sluice know
 * whether the body has started (an error before that can still become a full response), and turns a stream
 * destroyed with an error (by the handler, a failed pipeline, the timeout guard) into the invocation's error,
 * which the runtime client sends as error trailers: destroying the runtime's own stream would only cut the
 * connection.
 *
 * @example
 * const stream = new SluiceResponseStream(runtimeStream)
 * await Promise.race([work(stream), stream.failed])
 */
export class SluiceResponseStream extends Writable implements ResponseStream {
  _onBeforeFirstWrite: BeforeFirstWrite | undefined
  /** The error an `onError` middleware answered, noted so a body already started can still end with it. */
  chainError: { readonly error: unknown } | undefined
  /** Rejects when the stream is destroyed or fails before it finished; never an unhandled rejection. */
  readonly failed: Promise<never>
  readonly #sink: Sink
  #started = false

  constructor(sink: Sink) {
    super()
    this.#sink = sink
    this.failed = new Promise<never>((_resolve, reject) => {
      finished(this, function onStreamEnded(error) {
        if (error) reject(error)
      })
    })
    this.failed.catch(() => {})
    sink.on('error', (error: Error) => this.destroy(error))
  }

  /** True once the first chunk (an empty one included) was handed on: the status and headers are sent. */
  get started(): boolean {
    return this.#started
  }

  setContentType(contentType: string): void {
    if (this.#started) {
      throw new ResponseStreamError(
        'STREAM_PRELUDE_TOO_LATE',
        'setContentType() after the first write: set the Content-Type before writing the body',
      )
    }
    this.#sink.setContentType?.(contentType)
  }

  // Chunks go on to the runtime's stream synchronously unless it pushes back: a handler that writes and then
  // throws has its bytes sent before the error trailers.
  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    if (!this.#started) {
      this.#started = true
      this._onBeforeFirstWrite?.((raw) => {
        this.#sink.write(raw)
      })
    }
    if (this.#sink.write(chunk)) callback()
    else this.#sink.once('drain', () => callback())
  }

  override _final(callback: (error?: Error | null) => void): void {
    this.#sink.end(() => callback())
  }
}

const streams = new WeakMap<object, SluiceResponseStream>()

/**
 * Puts sluice's stream in front of the runtime's for the invocation that owns `context`.
 *
 * @example
 * const stream = openResponseStream(context, runtimeStream)
 */
export const openResponseStream = (context: Context, sink: Sink): SluiceResponseStream => {
  const stream = new SluiceResponseStream(sink)
  streams.set(context, stream)
  return stream
}

/** sluice's own stream of the invocation, with what only core reads (`started`, `failed`, `chainError`). */
export const sluiceStreamOf = (context: object): SluiceResponseStream | undefined => streams.get(context)

/**
 * The response stream of the streaming invocation that owns `context` (`lambda().stream()`), `undefined` in a
 * buffered one: how a middleware finds it, e.g. `@sluice/timeout` to end it with the error at the deadline.
 *
 * @example
 * const stream = responseStreamOf(request.context)
 * if (stream) context.timeout.signal.addEventListener('abort', () => stream.destroy(context.timeout.signal.reason))
 */
export const responseStreamOf = (context: Context): ResponseStream | undefined => streams.get(context)
