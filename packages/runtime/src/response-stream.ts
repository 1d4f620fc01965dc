import type { IncomingMessage } from 'node:http'
import { createBandwidthThrottle } from './bandwidth-throttle.ts'
import { createPreludeSplitter, HTTP_PRELUDE_CONTENT_TYPE, type HttpPrelude } from './http-prelude.ts'
import { type LambdaErrorBody, parseErrorBody } from './platform-errors.ts'
import type { StreamLimits } from './stream-limits.ts'

/** Hooks called while a streamed response arrives, for callers that show it live. */
export interface StreamListener {
  /** The HTTP prelude (`HttpResponseStream.from`) has arrived; called before any body chunk. */
  onPrelude?(prelude: HttpPrelude): void
  /** Body bytes passed the bandwidth cap at `at` (`performance.now()`). */
  onChunk?(data: Buffer, at: number): void
}

/** A streamed response as the Runtime API read it. */
export interface StreamOutcome {
  readonly contentType: string
  readonly prelude?: HttpPrelude
  /** Body bytes in arrival order, each with when it passed the cap (`performance.now()`). */
  readonly chunks: readonly { readonly at: number; readonly data: Buffer }[]
  readonly throttledMs: number
  /** Set when the stream ended with error trailers, went over the size limit or was cut off. */
  readonly error?: LambdaErrorBody
}

const ERROR_TYPE_TRAILER = 'lambda-runtime-function-error-type'
const ERROR_BODY_TRAILER = 'lambda-runtime-function-error-body'

/**
 * Reads a `Lambda-Runtime-Function-Response-Mode: streaming` POST as aws-lambda-ric sends it (chunked, an
 * optional HTTP prelude, error trailers whose body is base64 JSON), throttled like Lambda (pausing the request
 * applies backpressure to the runtime) and cut at `limits.maxBytes`. Resolves at the end of the request, or at
 * once when the response goes over the limit (`oversized`: the caller answers 413 and the rest is discarded).
 *
 * @example
 * const { outcome, oversized } = await readResponseStream(req, STREAM_LIMITS, { onChunk: print })
 */
export function readResponseStream(
  req: IncomingMessage,
  limits: StreamLimits,
  listener: StreamListener = {},
): Promise<{ outcome: StreamOutcome; oversized: boolean }> {
  const contentType = headerValue(req.headers['content-type']) ?? 'application/octet-stream'
  const splitter = contentType === HTTP_PRELUDE_CONTENT_TYPE ? createPreludeSplitter() : undefined
  const throttle = createBandwidthThrottle(limits, performance.now())
  const chunks: { at: number; data: Buffer }[] = []
  let received = 0
  let settled = false
  // A chunk waiting for the bandwidth cap, and whether the request ended meanwhile ('end' can come while the
  // last chunk still waits: the stream is finished once that chunk has passed).
  let held: NodeJS.Timeout | undefined
  let ended = false
  const pass = (bytes: Buffer, last = false) => {
    const preludeBefore = splitter?.prelude
    const body =
      splitter === undefined
        ? bytes
        : Buffer.concat([splitter.push(bytes), last ? splitter.end() : Buffer.alloc(0)])
    if (preludeBefore === undefined && splitter?.prelude !== undefined) listener.onPrelude?.(splitter.prelude)
    if (body.length === 0) return
    const at = performance.now()
    chunks.push({ at, data: body })
    listener.onChunk?.(body, at)
  }
  return new Promise((resolve) => {
    const settle = (error: LambdaErrorBody | undefined, oversized = false) => {
      if (settled) return
      settled = true
      clearTimeout(held)
      const prelude = splitter?.prelude
      const outcome = {
        contentType,
        ...(prelude === undefined ? {} : { prelude }),
        chunks,
        throttledMs: throttle.throttledMs,
        ...(error === undefined ? {} : { error }),
      }
      resolve({ outcome, oversized })
    }
    req.on('data', (bytes: Buffer) => {
      if (settled) return
      const room = limits.maxBytes - received
      received += bytes.length
      if (received > limits.maxBytes) {
        // The client got the bytes up to the limit; the rest of the request is read and thrown away.
        if (room > 0) pass(bytes.subarray(0, room))
        req.resume()
        return settle(responseTooLarge(received, limits.maxBytes), true)
      }
      const now = performance.now()
      const waitMs = throttle.take(bytes.length, now)
      if (waitMs === 0) return pass(bytes)
      req.pause()
      // Node truncates a timer's delay to whole milliseconds, so a timer can fire up to a millisecond before the
      // bytes are due: they pass only once due, or the stream would run ahead of the cap.
      const due = now + waitMs
      const release = () => {
        const early = due - performance.now()
        if (early > 0) {
          held = setTimeout(release, Math.max(1, early))
          return
        }
        held = undefined
        pass(bytes)
        if (ended) finish()
        else req.resume()
      }
      held = setTimeout(release, waitMs)
    })
    const finish = () => {
      if (settled) return
      pass(Buffer.alloc(0), true)
      settle(trailerError(req.trailers))
    }
    req.on('end', () => {
      ended = true
      if (held === undefined) finish()
    })
    // A request cut off before its end (the runtime died mid-stream); `complete` is set once the last byte came.
    req.on('error', () => settle(truncated()))
    req.on('close', () => {
      if (!req.complete) settle(truncated())
    })
  })
}

function trailerError(trailers: NodeJS.Dict<string>): LambdaErrorBody | undefined {
  const type = trailers[ERROR_TYPE_TRAILER]
  const body = trailers[ERROR_BODY_TRAILER]
  if (type === undefined && body === undefined) return undefined
  const text = body === undefined ? '' : Buffer.from(body, 'base64').toString('utf8')
  return parseErrorBody(text, type)
}

function responseTooLarge(size: number, max: number): LambdaErrorBody {
  return {
    errorType: 'Function.ResponseSizeTooLarge',
    errorMessage: `Response payload size (${size} bytes) exceeded maximum allowed payload size (${max} bytes).`,
    trace: [],
  }
}

function truncated(): LambdaErrorBody {
  return {
    errorType: 'Runtime.TruncatedResponse',
    errorMessage: 'the runtime closed the response stream before its end',
    trace: [],
  }
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value
}
