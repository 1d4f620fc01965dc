import type { z } from 'zod'

type Issue = z.core.$ZodIssue
type Path = Array<string | number>

/** The one issue a ParseError reports, with its full path and short texts. */
export interface IssueSummary {
  readonly path: Path
  readonly expected: string
  readonly received: string | undefined
}

const MAX_VALUES = 5

/**
 * Picks the issue worth reporting and describes it without quoting the input. For a union that matched no
 * branch, it follows the branch that came closest (fewest issues), so the path points into the shape the input
 * most resembles. `prefix` is where `input` sits in the whole event (an envelope's payload path).
 *
 * @example
 * summarizeIssues(schema.safeParse(body).error!.issues, body, ['Records', 0, 'body'])
 * // { path: ['Records', 0, 'body', 'orderId'], expected: 'string', received: 'number' }
 */
export function summarizeIssues(issues: readonly Issue[], input: unknown, prefix: Path = []): IssueSummary {
  const { issue, at } = primaryIssue(issues, [])
  if (issue === undefined) return { path: [...prefix, ...at], expected: 'a valid value', received: undefined }
  return { path: [...prefix, ...at], expected: expectedText(issue), received: kindOf(input, at) }
}

function primaryIssue(issues: readonly Issue[], base: Path): { issue: Issue | undefined; at: Path } {
  const issue = issues[0]
  if (issue === undefined) return { issue, at: base }
  const at = [...base, ...issue.path.filter(isKey)]
  if (issue.code === 'invalid_union' && issue.errors.length > 0) {
    const closest = issue.errors.reduce((best, branch) => (branch.length < best.length ? branch : best))
    return primaryIssue(closest, at)
  }
  if ((issue.code === 'invalid_key' || issue.code === 'invalid_element') && issue.issues.length > 0) {
    return primaryIssue(issue.issues, at)
  }
  return { issue, at }
}

function isKey(key: PropertyKey): key is string | number {
  return typeof key !== 'symbol'
}

function expectedText(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.expected
    case 'invalid_value':
      return oneOf(issue.values)
    case 'invalid_union':
      // a discriminated union whose discriminator matched no option
      return 'options' in issue && Array.isArray(issue.options)
        ? oneOf(issue.options)
        : 'one of the accepted shapes'
    case 'invalid_format':
      return `a ${issue.format} string`
    case 'too_small':
      return `${issue.inclusive === false ? 'more than' : 'at least'} ${String(issue.minimum)}${unit(issue.origin)}`
    case 'too_big':
      return `${issue.inclusive === false ? 'less than' : 'at most'} ${String(issue.maximum)}${unit(issue.origin)}`
    case 'unrecognized_keys':
      return `no key ${issue.keys.map((key) => JSON.stringify(key)).join(', ')}`
    case 'not_multiple_of':
      return `a multiple of ${String(issue.divisor)}`
    default:
      // custom checks carry their own short text
      return issue.message
  }
}

function unit(origin: string): string {
  if (origin === 'string') return ' characters'
  if (origin === 'array' || origin === 'set') return ' items'
  return ''
}

function oneOf(values: readonly unknown[]): string {
  const shown = values.slice(0, MAX_VALUES).map((value) => JSON.stringify(value) ?? String(value))
  const more = values.length > MAX_VALUES ? `, … (${values.length} values)` : ''
  return values.length === 1 ? (shown[0] ?? '') : `one of ${shown.join(', ')}${more}`
}

const MISSING = Symbol('missing')

function valueAt(input: unknown, path: Path): unknown {
  let value = input
  for (const key of path) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, key)) return MISSING
    value = (value as Record<string | number, unknown>)[key]
  }
  return value
}

function kindOf(input: unknown, path: Path): string | undefined {
  const value = valueAt(input, path)
  if (value === MISSING)
    return path.length > 0 && valueAt(input, path.slice(0, -1)) !== MISSING ? 'nothing' : undefined
  if (value === undefined) return 'nothing'
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'array'
  return typeof value
}
