import type { Middleware } from '@sluice/core'
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
  if (options.safe === true) {
    return {
      before: function parseSafeBefore(request) {
        request.event = safeParseEvent(parser, request.event)
      },
    }
  }
  return {
    before: function parseBefore(request) {
      request.event = parseEvent(parser, request.event)
    },
  }
}
