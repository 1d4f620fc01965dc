import { decodePayload, type ItemOf, type PayloadSchema } from './payload.ts'
import type { BatchSource } from './source.ts'

/**
 * Turns record `index` into what the record handler gets: the value, or a promise of it (an asynchronous schema).
 *
 * @example
 * const decode: ItemDecoder<SQSRecord, Order> = itemDecoder('sqs', orderSchema)
 */
export type ItemDecoder<TRecord, TItem> = (record: TRecord, index: number) => TItem | PromiseLike<TItem>

/**
 * The decoder for a batch of `source` with `schema`: the record itself without a schema, else its payload decoded
 * by {@link decodePayload} (which throws `BATCH_PAYLOAD_INVALID` for a payload that does not decode).
 *
 * @example
 * itemDecoder('kinesis', undefined)(record, 0) // the record, unchanged
 */
export const itemDecoder = <TRecord, TSchema extends PayloadSchema | undefined>(
  source: BatchSource,
  schema: TSchema | undefined,
): ItemDecoder<TRecord, ItemOf<TRecord, TSchema>> => {
  // `ItemOf` says at the type level what this says at run time (no schema: the record; a schema: its output).
  // TypeScript cannot follow a conditional type through a generic, so this is the one place the two meet.
  type TItem = ItemOf<TRecord, TSchema>
  if (schema === undefined) return (record) => record as TItem
  return (record, index) => decodePayload(source, record, index, schema) as TItem | PromiseLike<TItem>
}
