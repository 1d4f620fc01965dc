import type { PayloadSite } from './payload.ts'
import { sourceOf } from './source-schema.ts'
import type { SourceId } from './sources.ts'

/**
 * Extracts the payload from one kind of event and parses it with your schema. `parse` throws a `ParseError`
 * whose path points into the event (`['Records', 3, 'body', 'orderId']`). Build one with `envelopes.<name>(schema)`;
 * hand it to `parse()` (middleware) or `parseEvent()`.
 *
 * @example
 * const orders: Envelope<Order[]> = envelopes.sqs(orderSchema)
 * orders.parse(event) // Order[]
 */
export interface Envelope<$Output> {
  /** The event source the envelope reads. */
  readonly source: SourceId
  /** Extracts and parses; throws ParseError. */
  readonly parse: (event: unknown) => $Output
  /** Marks envelopes apart from schemas. */
  readonly '~envelope': true
}

/**
 * An envelope from its source and extraction function.
 *
 * @example
 * const bodies = defineEnvelope('sqs', false, (event, site) => arrayField(event, 'Records', site))
 */
export function defineEnvelope<$Output>(
  source: SourceId,
  expose: boolean,
  extract: (event: unknown, site: PayloadSite) => $Output,
): Envelope<$Output> {
  const site: PayloadSite = { source, expose }
  return { source, parse: (event) => extract(event, site), '~envelope': true }
}

/**
 * Tells an envelope from a schema. A built-in source's schema is told by its tag, without reading a property of
 * it: that would build the zod schema it stands for, which its precompiled validator spares a valid event.
 *
 * @example
 * isEnvelope(envelopes.sqs(orderSchema)) // true
 * isEnvelope(orderSchema) // false
 */
export function isEnvelope(value: unknown): value is Envelope<unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    sourceOf(value) === undefined &&
    (value as { '~envelope'?: unknown })['~envelope'] === true
  )
}
