import * as z from 'zod'
import { DecodeError, decodeBase64, MAX_EVENT_BYTES } from './decode.ts'
import { ParseError } from './errors.ts'
import { summarizeIssues } from './issues.ts'
import { parseJson } from './json.ts'
import type { SourceId } from './sources.ts'

type Path = Array<string | number>

/** Where a payload sits and who to blame: the context every envelope helper needs for its errors. */
export interface PayloadSite {
  readonly source: SourceId
  /** HTTP bodies: the caller can fix them, so their errors are exposed (status 400). */
  readonly expose: boolean
}

const compiledSchemas = new WeakMap<z.ZodType, z.ZodType>()

/**
 * The schema with zod's ahead-of-time compiled fast path, compiled once on first use (not at import, so
 * schemas never used cost nothing at cold start). zod falls back to its interpreter for what it cannot compile.
 *
 * @example
 * compiledSchema(orderSchema).safeParse(input)
 */
export function compiledSchema<$Schema extends z.ZodType>(schema: $Schema): $Schema {
  let compiled = compiledSchemas.get(schema)
  if (compiled === undefined) {
    compiled = z.compile(schema)
    compiledSchemas.set(schema, compiled)
  }
  return compiled as $Schema
}

/**
 * Parses a payload with the user's schema; a failure becomes a ParseError whose path starts at the payload's
 * place in the event.
 *
 * @example
 * parseAt(orderSchema, body, ['Records', 2, 'body'], site)
 */
export function parseAt<$Schema extends z.ZodType>(
  schema: $Schema,
  value: unknown,
  path: Path,
  site: PayloadSite,
): z.output<$Schema> {
  const result = schema.safeParse(value)
  if (result.success) return result.data
  const summary = summarizeIssues(result.error.issues, value, path)
  throw new ParseError({
    code: 'EVENT_PARSE_FAILED',
    source: site.source,
    expose: site.expose,
    ...summary,
    cause: result.error,
  })
}

/**
 * JSON text to a value, without prototype pollution; not JSON is `EVENT_BODY_NOT_JSON` at `path`.
 *
 * @example
 * jsonAt(record.body, ['Records', 0, 'body'], site)
 */
export function jsonAt(text: string, path: Path, site: PayloadSite): unknown {
  try {
    return parseJson(text)
  } catch (error) {
    throw new ParseError({
      code: 'EVENT_BODY_NOT_JSON',
      source: site.source,
      expose: site.expose,
      path,
      expected: 'JSON text',
      received: text === '' ? 'an empty string' : 'text that is not JSON',
      cause: error,
    })
  }
}

/**
 * Strict base64 to UTF-8 text; bad base64 is `EVENT_BASE64_INVALID` at `path`.
 *
 * @example
 * base64TextAt(record.kinesis.data, ['Records', 0, 'kinesis', 'data'], site)
 */
export function base64TextAt(text: string, path: Path, site: PayloadSite): string {
  return base64At(text, path, site).toString('utf8')
}

/**
 * Strict base64 to bytes; bad base64 is `EVENT_BASE64_INVALID` at `path`, base64 longer than any Lambda event
 * `EVENT_TOO_LARGE`.
 *
 * @example
 * base64At(event.awslogs.data, ['awslogs', 'data'], site)
 */
export function base64At(text: string, path: Path, site: PayloadSite): Buffer {
  try {
    return decodeBase64(text)
  } catch (error) {
    if (!(error instanceof DecodeError)) throw error
    const tooLarge = error.kind === 'too-large'
    throw new ParseError({
      code: tooLarge ? 'EVENT_TOO_LARGE' : 'EVENT_BASE64_INVALID',
      source: site.source,
      expose: site.expose,
      path,
      expected: tooLarge ? `base64 of at most ${MAX_EVENT_BYTES} characters` : 'padded base64',
      received: tooLarge ? 'longer text' : 'other text',
      cause: error,
    })
  }
}
