import { ParseError } from './errors.ts'
import type { PayloadSite } from './payload.ts'

type Path = Array<string | number>
type Obj = Record<string, unknown>

function kind(value: unknown): string {
  if (value === undefined) return 'nothing'
  if (value === null) return 'null'
  return Array.isArray(value) ? 'array' : typeof value
}

/**
 * The ParseError for a value of the wrong kind where the envelope reads its payload.
 *
 * @example
 * throw shapeError(site, ['Records'], 'array', event.Records)
 */
export function shapeError(site: PayloadSite, path: Path, expected: string, value: unknown): ParseError {
  return new ParseError({
    code: 'EVENT_PARSE_FAILED',
    source: site.source,
    expose: site.expose,
    path,
    expected,
    received: kind(value),
  })
}

/**
 * `value` as an object, or a ParseError at `path`.
 *
 * @example
 * const event = objectAt(input, [], site)
 */
export function objectAt(value: unknown, path: Path, site: PayloadSite): Obj {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Obj
  throw shapeError(site, path, 'object', value)
}

/**
 * `event.Records` (or another array field of an object), or a ParseError naming where it was missing.
 *
 * @example
 * const records = arrayField(input, 'Records', site)
 */
export function arrayField(value: unknown, key: string, site: PayloadSite, path: Path = []): unknown[] {
  const parent = objectAt(value, path, site)
  const field = parent[key]
  if (Array.isArray(field)) return field
  throw shapeError(site, [...path, key], 'array', field)
}

/**
 * A string field of the object at `path`, or a ParseError at `path` + `key`.
 *
 * @example
 * const body = stringField(records[i], 'body', ['Records', i], site)
 */
export function stringField(value: unknown, key: string, path: Path, site: PayloadSite): string {
  const parent = objectAt(value, path, site)
  const field = parent[key]
  if (typeof field === 'string') return field
  throw shapeError(site, [...path, key], 'string', field)
}
