import * as z from 'zod'
import { type Envelope, isEnvelope } from './envelope.ts'
import { ParseError } from './errors.ts'
import { summarizeIssues } from './issues.ts'
import { compiledSchema } from './payload.ts'
import { INVALID, type Precompiled } from './schemas/precompiled.ts'
import { builtInSource } from './source-schema.ts'

/**
 * A zod schema or an envelope: what `parse()` and `parseEvent()` accept.
 *
 * @example
 * const parser: Parser = envelopes.sqs(orderSchema)
 */
export type Parser = z.ZodType | Envelope<unknown>

/**
 * What a parser produces: the schema's output, or the envelope's.
 *
 * @example
 * type Orders = ParserOutput<ReturnType<typeof envelopes.sqs<typeof orderSchema>>> // Order[]
 */
export type ParserOutput<$Parser> =
  $Parser extends Envelope<infer $Output> ? $Output : $Parser extends z.ZodType ? z.output<$Parser> : never

/**
 * The result of a safe parse: the data, or the ParseError that would have been thrown.
 *
 * @example
 * const result: SafeParseResult<Order[]> = safeParseEvent(envelopes.sqs(orderSchema), event)
 * if (!result.success) console.log(result.error.path)
 */
export type SafeParseResult<$Output> =
  | { readonly success: true; readonly data: $Output }
  | { readonly success: false; readonly error: ParseError }

/**
 * Parses an event with a schema or an envelope; throws a ParseError. The package's own event schemas have no
 * transforms, so for them the event is validated in place and returned as is (no copy), by the source's
 * precompiled validator where it has one (no zod schema built or compiled for a valid event).
 *
 * @example
 * const event = parseEvent(schemas.sqs, input) // SqsEvent
 * const orders = parseEvent(envelopes.sqs(orderSchema), input) // Order[]
 */
export function parseEvent<$Parser extends Parser>(parser: $Parser, event: unknown): ParserOutput<$Parser> {
  const builtIn = builtInSource(parser)
  if (builtIn === undefined && isEnvelope(parser)) return parser.parse(event) as ParserOutput<$Parser>
  const schema = parser as z.ZodType
  if (builtIn !== undefined && validInPlace(schema, builtIn.precompiled, event))
    return event as ParserOutput<$Parser>
  const result = compiledSchema(schema).safeParse(event)
  if (result.success) return result.data as ParserOutput<$Parser>
  throw new ParseError({
    code: 'EVENT_PARSE_FAILED',
    source: builtIn?.id,
    ...summarizeIssues(result.error.issues, event),
    cause: result.error,
  })
}

// Whether a built-in source's event is valid as it is. The precompiled validator is zod's own generated code, so
// it accepts what z.validate would; an event it rejects goes to safeParse below, which names the issues.
function validInPlace(schema: z.ZodType, precompiled: Precompiled | undefined, event: unknown): boolean {
  return precompiled !== undefined
    ? precompiled(event) !== INVALID
    : z.validate(compiledSchema(schema), event)
}

/**
 * {@link parseEvent} that returns `{ success, data | error }` instead of throwing a ParseError.
 *
 * @example
 * const result = safeParseEvent(schemas['apigw-http'], input)
 * if (!result.success) return { statusCode: 400, body: result.error.message }
 */
export function safeParseEvent<$Parser extends Parser>(
  parser: $Parser,
  event: unknown,
): SafeParseResult<ParserOutput<$Parser>> {
  try {
    return { success: true, data: parseEvent(parser, event) }
  } catch (error) {
    if (error instanceof ParseError) return { success: false, error }
    throw error
  }
}
