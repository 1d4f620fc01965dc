import { type Middleware, requestSlot } from '@sluice/core'
import {
  type Parser,
  type ParserOutput,
  parseEvent,
  type SafeParseResult,
  safeParseEvent,
} from './parse-event.ts'

/** Options of {@link parse}. */
export interface ParseOptions {
  /** Hand the handler `{ success, data | error }` instead of throwing the ParseError. Default false. */
  readonly safe?: boolean
}

/**
 * A middleware that parses the event with a zod schema or an envelope and hands the handler the result: the
 * handler's event type becomes the parser's output. A failure throws a `ParseError` (HTTP body envelopes mark it
 * exposed, status 400) to your catch point; with `{ safe: true }` the handler gets a `SafeParseResult` instead.
 *
 * The parsed value replaces `request.event` only between this middleware's `before` and its `after`/`onError`:
 * on the way out it puts the original event back (returning nothing, so no later hook is skipped). Middlewares
 * used before it — `@middy/http-cors` reading the `Origin` header, `@middy/http-error-handler`, the logger —
 * see the event Lambda sent in their `after` and `onError`, as in their `before`.
 *
 * @example
 * export const handler = lambda<SQSEvent>()
 *   .use(parse(envelopes.sqs(orderSchema)))
 *   .handler(async (orders) => orders.map((order) => order.orderId)) // orders: Order[]
 */
export function parse<const $Parser extends Parser>(
  parser: $Parser,
  options: { readonly safe: true },
): Middleware<{ event: SafeParseResult<ParserOutput<$Parser>> }>
export function parse<const $Parser extends Parser>(
  parser: $Parser,
  options?: { readonly safe?: false },
): Middleware<{ event: ParserOutput<$Parser> }>
export function parse(parser: Parser, options: ParseOptions = {}): Middleware<{ event: unknown }> {
  // The event each request arrived with, on the request: put back on the way out.
  const originals = requestSlot<unknown>('sluice.parse original event')
  const restore = (request: { event: unknown }): void => {
    if (originals.has(request)) request.event = originals.take(request)
  }
  const after = function parseAfter(request: { event: unknown }): void {
    restore(request)
  }
  const onError = function parseOnError(request: { event: unknown }): void {
    restore(request)
  }
  if (options.safe === true) {
    return {
      before: function parseSafeBefore(request) {
        const parsed = safeParseEvent(parser, request.event)
        originals.set(request, request.event)
        request.event = parsed
      },
      after,
      onError,
    }
  }
  return {
    before: function parseBefore(request) {
      const parsed = parseEvent(parser, request.event)
      originals.set(request, request.event)
      request.event = parsed
    },
    after,
    onError,
  }
}
