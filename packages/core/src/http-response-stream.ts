import type { Writable } from 'node:stream'
import type { BeforeFirstWrite } from './response-stream.ts'

/**
 * The Content-Type of a streamed response that starts with an HTTP prelude (the runtime client's constant):
 * Lambda reads the prelude as the Function URL's status, headers and cookies.
 *
 * @example
 * expect(streamed.contentType).toBe(HTTP_PRELUDE_CONTENT_TYPE)
 */
export const HTTP_PRELUDE_CONTENT_TYPE = 'application/vnd.awslambda.http-integration-response'

// The runtime client ends the prelude with 8 NUL bytes.
const DELIMITER_LENGTH = 8

/**
 * The HTTP part of a streamed Function URL response, sent as JSON before the body. Other keys go through as
 * they are, as with `awslambda.HttpResponseStream.from()`.
 *
 * @example
 * const prelude: HttpPrelude = { statusCode: 201, headers: { 'content-type': 'text/csv' }, cookies: ['a=1'] }
 */
export interface HttpPrelude {
  readonly statusCode?: number
  readonly headers?: Readonly<Record<string, string>>
  readonly cookies?: readonly string[]
  readonly [key: string]: unknown
}

interface RuntimeHttpResponseStream {
  from(stream: Writable, prelude: HttpPrelude): unknown
}

const runtimeHttpResponseStream = (): RuntimeHttpResponseStream | undefined => {
  const awslambda: unknown = Reflect.get(globalThis, 'awslambda')
  if (typeof awslambda !== 'object' || awslambda === null) return undefined
  const stream: unknown = Reflect.get(awslambda, 'HttpResponseStream')
  const from: unknown = typeof stream === 'function' ? Reflect.get(stream, 'from') : undefined
  return typeof from === 'function'
    ? { from: (target, prelude) => from.call(stream, target, prelude) }
    : undefined
}

/** A stream shaped like the runtime client's: it takes a Content-Type and calls the first-write hook. */
const hasFirstWriteHook = (
  stream: Writable,
): stream is Writable & { setContentType(type: string): void; _onBeforeFirstWrite?: BeforeFirstWrite } =>
  typeof Reflect.get(stream, 'setContentType') === 'function'

/**
 * `awslambda.HttpResponseStream.from(stream, prelude)` where the runtime client provides it, and the same
 * bytes where it does not (tests, `AWS_LAMBDA_NODEJS_NO_GLOBAL_AWSLAMBDA`): the Content-Type becomes
 * {@link HTTP_PRELUDE_CONTENT_TYPE}, and the prelude's JSON and 8 NUL bytes go out just before the first chunk.
 * A plain `Writable` (no `setContentType`) gets them at once. Call it before writing the body.
 *
 * @example
 * lambda<LambdaFunctionURLEvent>().stream(async (event, stream) => {
 *   const http = httpResponseStream(stream, { statusCode: 200, headers: { 'content-type': 'text/plain' } })
 *   http.write('first ')
 *   http.end('last')
 * })
 */
export const httpResponseStream = <TStream extends Writable>(
  stream: TStream,
  prelude: HttpPrelude,
): TStream => {
  const runtime = runtimeHttpResponseStream()
  if (runtime !== undefined) {
    runtime.from(stream, prelude)
    return stream
  }
  const json = JSON.stringify(prelude)
  const writePrelude: BeforeFirstWrite = function writePrelude(write) {
    write(json)
    write(new Uint8Array(DELIMITER_LENGTH))
  }
  if (hasFirstWriteHook(stream)) {
    stream.setContentType(HTTP_PRELUDE_CONTENT_TYPE)
    stream._onBeforeFirstWrite = writePrelude
  } else {
    writePrelude((chunk) => stream.write(chunk))
  }
  return stream
}
