import { lazy } from './lazy.ts'
import type { SourceId } from './sources.ts'

// Which built-in schema is which source, filled as each schema module loads. parse-event reads it instead of
// importing the `schemas` table, which would pull every source's schema module into a bundle that parses one.
const sourceBySchema = new WeakMap<object, string>()

/**
 * A built-in source's schema: {@link lazy}, and tagged with its source id, so that `parseEvent` knows the
 * source (for its errors, and to validate in place) without importing the table of every source. The id is a
 * plain string here because `SourceId` is derived from that table, which holds these very schemas;
 * `source-schema.test.ts` checks that every entry of the table carries its own id.
 *
 * @example
 * export const sqsSchema = sourceSchema('sqs', () => z.looseObject({ Records: z.array(sqsRecordSchema) }))
 */
export function sourceSchema<T extends object>(id: string, build: () => T): T {
  const schema = lazy(build)
  sourceBySchema.set(schema, id)
  return schema
}

/**
 * The source id of a built-in source's schema; `undefined` for any other schema.
 *
 * @example
 * sourceOf(schemas.sqs) // 'sqs'
 */
export const sourceOf = (schema: object): SourceId | undefined =>
  // only sourceSchema() writes the map, and source-schema.test.ts pins each id to its entry in `schemas`
  sourceBySchema.get(schema) as SourceId | undefined
