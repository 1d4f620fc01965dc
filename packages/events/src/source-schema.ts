import { lazy } from './lazy.ts'
import type { Precompiled } from './schemas/precompiled.ts'
import type { SourceId } from './sources.ts'

/** What {@link sourceSchema} records of a built-in source's schema. */
export interface BuiltInSource {
  readonly id: SourceId
  /** Its validator from `schemas/precompiled.ts`; `undefined` for a source compiled at run time. */
  readonly precompiled: Precompiled | undefined
}

// Which built-in schema is which source, filled as each schema module loads. parse-event reads it instead of
// importing the `schemas` table, which would pull every source's schema module into a bundle that parses one.
const sourceBySchema = new WeakMap<object, BuiltInSource>()

/**
 * A built-in source's schema: {@link lazy}, and tagged with its source id, so that `parseEvent` knows the
 * source (for its errors, and to validate in place) without importing the table of every source. The id is a
 * plain string here because `SourceId` is derived from that table, which holds these very schemas;
 * `source-schema.test.ts` checks that every entry of the table carries its own id.
 *
 * `precompiled` is the schema's validator from `schemas/precompiled.ts` (zod's generated code, written out by
 * `scripts/precompile.ts`): with it, a valid event is validated without building or compiling the zod schema.
 *
 * @example
 * export const sqsSchema = sourceSchema('sqs', validSqs, () => z.looseObject({ Records: z.array(sqsRecordSchema) }))
 */
export function sourceSchema<T extends object>(id: string, build: () => T): T
export function sourceSchema<T extends object>(id: string, precompiled: Precompiled, build: () => T): T
export function sourceSchema<T extends object>(
  id: string,
  ...rest: [build: () => T] | [precompiled: Precompiled, build: () => T]
): T {
  const [precompiled, build] = rest.length === 1 ? [undefined, rest[0]] : rest
  const schema = lazy(build)
  // only here is the map written, and source-schema.test.ts pins each id to its entry in `schemas`
  sourceBySchema.set(schema, { id: id as SourceId, precompiled })
  return schema
}

/**
 * What is known of a built-in source's schema (its id, its precompiled validator); `undefined` for any other
 * schema. One lookup serves both, on every parse.
 *
 * @example
 * builtInSource(schemas.sqs) // { id: 'sqs', precompiled: validSqs }
 */
export const builtInSource = (schema: object): BuiltInSource | undefined => sourceBySchema.get(schema)

/**
 * The source id of a built-in source's schema; `undefined` for any other schema.
 *
 * @example
 * sourceOf(schemas.sqs) // 'sqs'
 */
export const sourceOf = (schema: object): SourceId | undefined => sourceBySchema.get(schema)?.id
