import type { CompiledRoute } from './route-table.ts'
import type { PathMatch } from './route-template.ts'

/** The route a request went to, and what its path gave. */
export interface RouteMatch extends PathMatch {
  readonly route: CompiledRoute
}

// API Gateway routes first (most specific wins), then ALB rules in the order given, then Function URL mounts.
const GROUP = { 'http-api': 0, 'rest-api': 0, alb: 1, 'function-url': 2 } as const

/**
 * Picks the route for `method path` as the front doors do: API Gateway's most specific route (literal segments
 * over `{param}` over `{greedy+}`, a method over `ANY`), ALB rules in priority (array) order, the longest Function
 * URL mount. `undefined` when none matches.
 *
 * @example
 * matchRoute(routes, 'GET', '/orders/o-1')?.pathParameters // { id: 'o-1' }
 */
export function matchRoute(
  routes: readonly CompiledRoute[],
  method: string,
  path: string,
): RouteMatch | undefined {
  let best: { match: RouteMatch; index: number } | undefined
  for (const [index, route] of routes.entries()) {
    if (route.method !== 'ANY' && route.method !== method) continue
    const found = route.matcher.match(path)
    if (found === undefined) continue
    const candidate = { match: { ...found, route }, index }
    if (best === undefined || beats(candidate, best)) best = candidate
  }
  return best?.match
}

function beats(a: { match: RouteMatch; index: number }, b: { match: RouteMatch; index: number }): boolean {
  const ra = a.match.route
  const rb = b.match.route
  if (GROUP[ra.type] !== GROUP[rb.type]) return GROUP[ra.type] < GROUP[rb.type]
  const byRank = compareRank(ra.matcher.rank, rb.matcher.rank)
  if (byRank !== 0) return byRank > 0
  if ((ra.method === 'ANY') !== (rb.method === 'ANY')) return rb.method === 'ANY'
  return a.index < b.index
}

function compareRank(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const diff = (a[i] ?? 0) - (b[i] ?? 0)
    if (diff !== 0) return diff
  }
  return a.length - b.length
}
