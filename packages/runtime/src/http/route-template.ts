/**
 * How a route's path matched a request: the path parameters (decoded) and, for a Function URL mount, the path the
 * function sees below the mount.
 */
export interface PathMatch {
  readonly pathParameters: Readonly<Record<string, string>>
  readonly innerPath?: string
}

/** A compiled path: matches a request path, ranks against other matches (higher first). */
export interface PathMatcher {
  match(path: string): PathMatch | undefined
  /** API Gateway's most-specific-first order: literal > `{param}` > `{greedy+}` per segment, then longer. */
  readonly rank: readonly number[]
  /** The same shape whatever the parameter names: `/a/{x}` and `/a/{y}` collide. */
  readonly shape: string
}

type Segment =
  | { readonly kind: 'literal'; readonly text: string }
  | { readonly kind: 'param' | 'greedy'; readonly name: string }

const NAME = /^[A-Za-z0-9._-]+$/
const FORBIDDEN = /[\s?#]/

/**
 * Compiles an API Gateway resource path (`/orders/{id}`, `/files/{proxy+}`, `/`); returns why it is malformed
 * as a string.
 *
 * @example
 * apiGatewayPath('/orders/{id}').match('/orders/o-1') // { pathParameters: { id: 'o-1' } }
 */
export function apiGatewayPath(template: string): PathMatcher | string {
  if (!template.startsWith('/')) return 'must start with /'
  if (FORBIDDEN.test(template)) return 'must not hold spaces, ? or #'
  if (template !== '/' && template.endsWith('/')) return 'must not end with /'
  const parts = template === '/' ? [] : template.slice(1).split('/')
  const segments: Segment[] = []
  for (const [index, part] of parts.entries()) {
    const segment = segmentOf(part, index === parts.length - 1)
    if (typeof segment === 'string') return segment
    segments.push(segment)
  }
  const names = segments.flatMap((segment) => (segment.kind === 'literal' ? [] : [segment.name]))
  if (new Set(names).size !== names.length) return 'names a path parameter twice'
  return {
    match: (path: string) => matchSegments(segments, path),
    rank: segments.map((segment) => (segment.kind === 'literal' ? 3 : segment.kind === 'param' ? 2 : 1)),
    shape: segments.map((s) => (s.kind === 'literal' ? s.text : s.kind === 'param' ? '{}' : '{+}')).join('/'),
  }
}

function segmentOf(part: string, last: boolean): Segment | string {
  if (part === '') return 'must not hold an empty segment (//)'
  if (!part.includes('{') && !part.includes('}')) return { kind: 'literal', text: part }
  const greedy = /^\{(.+)\+\}$/.exec(part)
  if (greedy?.[1] !== undefined && NAME.test(greedy[1])) {
    return last ? { kind: 'greedy', name: greedy[1] } : `{${greedy[1]}+} must be the last segment`
  }
  const param = /^\{(.+)\}$/.exec(part)
  if (param?.[1] !== undefined && NAME.test(param[1])) return { kind: 'param', name: param[1] }
  return `segment "${part}" is neither a literal nor a whole {name} or {name+}`
}

function matchSegments(segments: readonly Segment[], path: string): PathMatch | undefined {
  const parts = path === '/' ? [] : path.slice(1).split('/')
  const pathParameters: Record<string, string> = Object.create(null)
  for (const [index, segment] of segments.entries()) {
    const part = parts[index]
    if (part === undefined || part === '') return undefined
    if (segment.kind === 'literal') {
      if (part !== segment.text) return undefined
    } else if (segment.kind === 'param') {
      pathParameters[segment.name] = decode(part)
    } else {
      pathParameters[segment.name] = decode(parts.slice(index).join('/'))
      return { pathParameters }
    }
  }
  return parts.length === segments.length ? { pathParameters } : undefined
}

/**
 * Compiles an ALB path pattern: case-sensitive, `*` for any characters, `?` for exactly one, at most 128
 * characters.
 *
 * @example
 * albPathPattern('/img/*').match('/img/a.png') // { pathParameters: {} }
 */
export function albPathPattern(pattern: string): PathMatcher | string {
  if (pattern.length === 0 || pattern.length > 128) return 'must have 1 to 128 characters'
  if (!pattern.startsWith('/') && !pattern.startsWith('*')) return 'must start with / or *'
  if (FORBIDDEN.test(pattern.replaceAll('?', ''))) return 'must not hold spaces or #'
  const source = [...pattern]
    .map((char) => (char === '*' ? '.*' : char === '?' ? '.' : char.replace(/[.+^${}()|[\]\\/]/g, '\\$&')))
    .join('')
  const regex = new RegExp(`^${source}$`, 's')
  return {
    match: (path: string) => (regex.test(path) ? { pathParameters: {} } : undefined),
    rank: [],
    shape: pattern,
  }
}

/**
 * Compiles where a Function URL is mounted on the local server (`/` for the whole host); the function sees the
 * path below the mount, as on its own `*.lambda-url.*.on.aws` host.
 *
 * @example
 * functionUrlMount('/export').match('/export/orders.csv') // { pathParameters: {}, innerPath: '/orders.csv' }
 */
export function functionUrlMount(mount: string): PathMatcher | string {
  if (!mount.startsWith('/')) return 'must start with /'
  if (/[\s?#*{}]/.test(mount)) return 'must be a plain path prefix (no spaces, ?, #, *, { or })'
  if (mount !== '/' && mount.endsWith('/')) return 'must not end with /'
  const prefix = mount === '/' ? '' : mount
  const match = (path: string): PathMatch | undefined => {
    if (path !== prefix && !path.startsWith(`${prefix}/`)) return undefined
    return { pathParameters: {}, innerPath: path.slice(prefix.length) || '/' }
  }
  return { match, rank: [prefix.length], shape: prefix || '/' }
}

/**
 * Percent-decodes a path segment or query part; a malformed escape is kept as sent (API Gateway does not fail
 * the request for it).
 *
 * @example
 * decode('o%2D1') // 'o-1'
 * decode('100%') // '100%'
 */
export function decode(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}
