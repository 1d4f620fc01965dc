import { finished } from 'node:stream'
import type { MiddlewareRequest, ResponseStream } from '@sluice/core'
import type { TimeoutError } from './errors.ts'
import type { GuardFactory } from './guard-factory.ts'

/**
 * Guards a streaming invocation (`lambda().stream()`), whose response stream, not the middleware's hooks, owns the
 * outcome: part of the body may be on its way, so there is no other response to give. When the guard fires (the
 * signal aborts, cleanups run, logs flush, as always) the stream is destroyed with the `TimeoutError`, which fails
 * the invocation: under Lambda the runtime client sends it as error trailers after the bytes already streamed,
 * as Lambda ends a stream at its own timeout. The guard is disarmed when the stream ends, not in `after`: a body
 * the handler returned is still being piped then, and stays guarded.
 *
 * @example
 * const stream = responseStreamOf(request.context)
 * if (stream) guardStream(guards, request, stream)
 */
export const guardStream = (
  guards: GuardFactory,
  request: MiddlewareRequest,
  stream: ResponseStream,
): void => {
  // One guard per invocation, on its own context: `wrapped` keeps after/onError from answering for the stream.
  const guard = guards.open(request.context, request.event, true)
  guard.request = request
  const endStream = (expiry: Promise<TimeoutError>) => {
    expiry.then(
      (error) => stream.destroy(error),
      (error: unknown) => stream.destroy(error instanceof Error ? error : undefined),
    )
  }
  finished(stream, function streamEnded() {
    guard.disarm()
  })
  // Already past deadline − margin (a slow middleware ran before this one): end the stream now.
  if (guard.overdue) endStream(guard.fire())
  else guard.arm(endStream)
}
