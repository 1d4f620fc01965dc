import { z } from 'zod'

type Path = ReadonlyArray<string | number>
type Obj = Record<string, unknown>

/**
 * Where a concrete event may change and still parse, according to its zod schema: `fields` the schema calls
 * optional (accepts `undefined`: `.optional()`, `.default()`, `z.unknown()`) or nullable (accepts `null`), and
 * `openEnums`, the string sites whose schema is an enum unioned with any string (`openEnum`). Test furniture for
 * `schemas.property.test.ts`.
 *
 * @example
 * const { fields, openEnums } = schemaSites(schemas.sqs, events.sqs())
 */
export interface SchemaSites {
  readonly fields: Array<{ path: Path; optional: boolean; nullable: boolean }>
  readonly openEnums: Path[]
}

const accepts = (schema: z.ZodType, value: unknown) => schema.safeParse(value).success

/**
 * Walks `schema` and `event` together (through wrappers, objects, arrays, records and the union branch the event
 * takes) and lists the sites of {@link SchemaSites}. Derived from the schema, so it follows schema changes.
 *
 * @example
 * schemaSites(schemas['iot-custom-authorizer'], events['iot-custom-authorizer']()).fields.length // > 0
 */
export function schemaSites(schema: z.ZodType, event: unknown): SchemaSites {
  const sites: SchemaSites = { fields: [], openEnums: [] }
  walk(schema, event, [], sites)
  return sites
}

function unwrap(schema: z.ZodType): z.ZodType {
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable || schema instanceof z.ZodDefault) {
    return unwrap(schema.def.innerType as z.ZodType)
  }
  if (schema instanceof z.ZodLazy) return unwrap(schema.def.getter() as z.ZodType)
  if (schema instanceof z.ZodPipe) return unwrap(schema.def.in as z.ZodType)
  return schema
}

const UNKNOWN = '\u0000not-a-known-value'

/** `openEnum` (a string check that names known values) or an enum unioned with any string; never a plain string. */
function isOpenEnum(schema: z.ZodType, value: unknown): boolean {
  if (typeof value !== 'string' || !accepts(schema, UNKNOWN)) return false
  if (schema instanceof z.ZodCustom) return true
  return (
    schema instanceof z.ZodUnion && (schema.def.options as z.ZodType[]).some((o) => o instanceof z.ZodEnum)
  )
}

function walk(outer: z.ZodType, value: unknown, path: Path, sites: SchemaSites): void {
  const schema = unwrap(outer)
  if (value === null || value === undefined) return
  if (isOpenEnum(schema, value)) {
    sites.openEnums.push(path)
    return
  }
  if (schema instanceof z.ZodUnion) {
    const options = schema.def.options as readonly z.ZodType[]
    const branch = options.find((option) => accepts(option, value))
    if (branch !== undefined) walk(branch, value, path, sites)
    return
  }
  if (schema instanceof z.ZodObject && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, field] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
      if (!Object.hasOwn(value, key)) continue
      // a key's optionality is the object's to judge: z.unknown() accepts undefined but its key is required
      const optional = accepts(z.object({ [key]: field }), {})
      const nullable = accepts(field, null)
      if (optional || nullable) sites.fields.push({ path: [...path, key], optional, nullable })
      walk(field, (value as Obj)[key], [...path, key], sites)
    }
    return
  }
  if (schema instanceof z.ZodArray && Array.isArray(value)) {
    for (const [i, item] of value.entries()) walk(schema.def.element as z.ZodType, item, [...path, i], sites)
    return
  }
  if (schema instanceof z.ZodRecord && typeof value === 'object') {
    const values = schema.def.valueType as z.ZodType
    for (const key of Object.keys(value)) {
      if (accepts(values, null)) sites.fields.push({ path: [...path, key], optional: true, nullable: true })
      walk(values, (value as Obj)[key], [...path, key], sites)
    }
  }
}

/**
 * `root` with the value at `path` replaced (`undefined` deletes the key); a path through a value that is no longer
 * an object (a parent already removed or nulled) changes nothing.
 *
 * @example
 * setAt(event, ['Records', 0, 'attributes'], undefined)
 */
export function setAt(root: unknown, path: Path, value: unknown): void {
  let node = root
  for (const key of path.slice(0, -1)) {
    if (typeof node !== 'object' || node === null) return
    node = (node as Obj)[key]
  }
  const last = path.at(-1)
  if (typeof node !== 'object' || node === null || last === undefined || !Object.hasOwn(node, last)) return
  if (value === undefined) Reflect.deleteProperty(node, last)
  else (node as Obj)[last] = value
}
