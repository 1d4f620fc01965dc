import { Writable } from 'node:stream'
import type { HttpPrelude } from '@sluice/core'
import type { Context } from 'aws-lambda'
import { TestingError } from './errors.ts'
import type { LambdaErrorShape } from './lambda-error.ts'

/** The runtime client's constants: the Content-Type of a response with an HTTP prelude, and its delimiter. */
const PRELUDE_CONTENT_TYPE = 'application/vnd.awslambda.http-integration-response'
const DELIMITER = Buffer.alloc(8)

/**
 * One piece of a streamed body as the caller received it, `atMs` after the invocation started (on the clock
 * the invocation ran on: virtual time with a `VirtualClock`).
 *
 * @example
 * const chunk: StreamedChunk = { text: 'row 1\n', bytes: Buffer.from('row 1\n'), atMs: 100 }
 */
export type StreamedChunk = { readonly text: string; readonly bytes: Buffer; readonly atMs: number }

/**
 * What `invoke()` gives for a streaming handler: the body chunks in order (the prelude taken out), the whole body,
 * the HTTP prelude when the handler sent one, and Lambda's error when the stream ended with one (the handler threw
 * or rejected, destroyed its stream, or ran past its timeout: `Sandbox.Timedout`). Bytes written before an error
 * are kept, as the caller received them.
 *
 * @example
 * const { chunks, body, prelude, error } = await invoke(handler, event)
 * expect(chunks.map((chunk) => chunk.text)).toEqual(['a', 'b'])
 */
export type StreamedResult = {
  readonly chunks: readonly StreamedChunk[]
  /** The body as UTF-8 text; `bytes` for binary bodies. */
  readonly body: string
  readonly bytes: Buffer
  /** The parsed JSON prelude (`statusCode`, `headers`, `cookies`), when the Content-Type says there is one. */
  readonly prelude?: HttpPrelude
  readonly contentType: string
  /** When the first byte (prelude included) went out, ms after the start; `undefined` when nothing did. */
  readonly firstByteMs: number | undefined
  /** When the invocation ended (the stream ended and the handler settled, or it failed), ms after the start. */
  readonly durationMs: number
  readonly error?: LambdaErrorShape
  readonly context: Context
}

const isPrelude = (value: unknown): value is HttpPrelude =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

type Write = { readonly bytes: Buffer; readonly atMs: number }

/**
 * A response stream shaped like the runtime client's: `setContentType` (refused after the first write, with the
 * client's words), the first-write hook `HttpResponseStream.from()` sets, and every chunk recorded with its time.
 * Once the invocation is over, later writes are dropped, as Lambda closed the response.
 *
 * @example
 * const recorder = new StreamRecorder(() => clock.now() - start)
 */
export class StreamRecorder extends Writable {
  contentType = 'application/octet-stream'
  _onBeforeFirstWrite: ((write: (chunk: string | Uint8Array) => void) => void) | undefined
  readonly #writes: Write[] = []
  readonly #elapsed: () => number
  #started = false
  #closed = false

  constructor(elapsed: () => number) {
    super()
    this.#elapsed = elapsed
    // A write after destroy must not become an uncaught 'error' event in the test process.
    this.on('error', () => {})
  }

  /** Refused once anything was written, in the runtime client's words: the headers went with the first chunk. */
  setContentType(contentType: string): void {
    if (this.#started)
      throw new TestingError('STREAM_CONTENT_TYPE_TOO_LATE', 'Cannot set content-type, too late.')
    this.contentType = contentType
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    // The runtime client runs the hook (the HTTP prelude) once, just before the first chunk.
    const hook = this.#started ? undefined : this._onBeforeFirstWrite
    this.#started = true
    hook?.((raw) => this.#record(raw))
    this.#record(chunk)
    callback()
  }

  /** The invocation is over: later writes are not the caller's any more. */
  close(): void {
    this.#closed = true
  }

  /** What the caller received, as {@link StreamedResult}. */
  result(outcome: {
    durationMs: number
    context: Context
    error?: LambdaErrorShape | undefined
  }): StreamedResult {
    const bytes = Buffer.concat(this.#writes.map((write) => write.bytes))
    const { prelude, bodyStart } = this.#prelude(bytes)
    const chunks: StreamedChunk[] = []
    let offset = 0
    for (const write of this.#writes) {
      const part = write.bytes.subarray(Math.max(0, bodyStart - offset))
      offset += write.bytes.length
      if (part.length > 0) chunks.push({ text: part.toString('utf8'), bytes: part, atMs: write.atMs })
    }
    const body = bytes.subarray(bodyStart)
    const firstByteMs = this.#writes.find((write) => write.bytes.length > 0)?.atMs
    const { durationMs, context, error } = outcome
    return {
      chunks,
      body: body.toString('utf8'),
      bytes: body,
      ...(prelude === undefined ? {} : { prelude }),
      contentType: this.contentType,
      firstByteMs,
      durationMs,
      ...(error === undefined ? {} : { error }),
      context,
    }
  }

  #record(chunk: string | Uint8Array): void {
    if (this.#closed) return
    this.#writes.push({ bytes: Buffer.from(chunk), atMs: this.#elapsed() })
  }

  #prelude(bytes: Buffer): { prelude?: HttpPrelude; bodyStart: number } {
    if (this.contentType !== PRELUDE_CONTENT_TYPE) return { bodyStart: 0 }
    const end = bytes.indexOf(DELIMITER)
    if (end < 0) return { bodyStart: 0 }
    try {
      const prelude: unknown = JSON.parse(bytes.subarray(0, end).toString('utf8'))
      if (isPrelude(prelude)) return { prelude, bodyStart: end + DELIMITER.length }
    } catch {
      // not a prelude after all: the bytes are the body
    }
    return { bodyStart: 0 }
  }
}
