import { SluiceRuntimeError } from '../errors.ts'
import type { InvokeTarget } from '../event-sources/source-types.ts'
import {
  albPathPattern,
  apiGatewayPath,
  functionUrlMount,
  type PathMatch,
  type PathMatcher,
} from './route-template.ts'

/** The AWS front door a route stands for; it decides the event the function gets and how its result is read. */
export type HttpRouteType = 'http-api' | 'rest-api' | 'alb' | 'function-url'

/**
 * One route of an {@link httpFrontDoor}. `path` is API Gateway syntax for `http-api`/`rest-api` (`/orders/{id}`,
 * `/{proxy+}`, and `$default` for an HTTP API's catch-all), an ALB path pattern (`/img/*`) for `alb`, and the
 * mount prefix (usually `/`) for a `function-url`, which answers any path below it.
 *
 * @example
 * const route: HttpRoute = { type: 'http-api', method: 'POST', path: '/quotes', function: runtime }
 */
export interface HttpRoute {
  readonly type: HttpRouteType
  /** An HTTP method or `ANY` (default). */
  readonly method?: string
  readonly path: string
  readonly function: InvokeTarget
  /** Function URL `InvokeMode: RESPONSE_STREAM`, or a REST API streamed integration (`function-url`, `rest-api`). */
  readonly stream?: boolean
  /** Stage name in `requestContext.stage`: `$default` for HTTP APIs, `prod` for REST APIs by default. */
  readonly stage?: string
  /** Integration timeout (API Gateway's `timeoutInMillis`): 50–30000, default 30000 (HTTP); 50–29000, default 29000 (REST). */
  readonly timeoutInMillis?: number
  /** ALB target group attribute `lambda.multi_value_headers.enabled`. Default false. */
  readonly multiValueHeaders?: boolean
  /** REST API `binaryMediaTypes` (`image/png`, `image/*`, `*∕*`): request bodies of these types arrive base64. */
  readonly binaryMediaTypes?: readonly string[]
}

/** A validated route with its matcher and what its events say about it. */
export interface CompiledRoute {
  readonly route: HttpRoute
  readonly type: HttpRouteType
  readonly method: string
  /** `POST /quotes`, `ANY /{proxy+}`, `$default`: the HTTP API route key, and the name `sluice dev` prints. */
  readonly routeKey: string
  readonly stage: string
  readonly timeoutMs: number | undefined
  readonly matcher: PathMatcher
}

const TYPES: readonly string[] = ['http-api', 'rest-api', 'alb', 'function-url']
const METHODS: readonly string[] = ['ANY', 'GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']
const MAX_TIMEOUT: Readonly<Record<string, number>> = { 'http-api': 30_000, 'rest-api': 29_000 }

const invalid = (index: number, message: string) =>
  new SluiceRuntimeError('HTTP_ROUTE_INVALID', `routes[${index}]: ${message}`)

/**
 * Checks every route (types, methods, path syntax, options, duplicates) and compiles its matcher; anything wrong
 * throws `HTTP_ROUTE_INVALID` naming the route.
 *
 * @example
 * compileRoutes([{ type: 'http-api', path: '/orders/{id}', function: runtime }])[0]?.routeKey // 'ANY /orders/{id}'
 */
export function compileRoutes(routes: readonly HttpRoute[]): readonly CompiledRoute[] {
  if (!Array.isArray(routes) || routes.length === 0) {
    throw new SluiceRuntimeError('HTTP_ROUTE_INVALID', 'routes must be a non-empty array of routes')
  }
  const compiled = routes.map((route, index) => compileRoute(route, index))
  const seen = new Map<string, number>()
  for (const [index, entry] of compiled.entries()) {
    const key = `${entry.type === 'rest-api' ? 'rest' : entry.type} ${entry.method} ${entry.matcher.shape}`
    const first = seen.get(key)
    if (first !== undefined) throw invalid(index, `duplicates routes[${first}] (${entry.routeKey})`)
    seen.set(key, index)
  }
  return compiled
}

function compileRoute(route: HttpRoute, index: number): CompiledRoute {
  if (typeof route !== 'object' || route === null) throw invalid(index, 'must be an object')
  const { type, path } = route
  if (!TYPES.includes(type))
    throw invalid(index, `type ${JSON.stringify(type)} is not one of ${TYPES.join(', ')}`)
  if (typeof route.function?.invoke !== 'function')
    throw invalid(index, 'function must have an invoke() method')
  const method = route.method === undefined ? 'ANY' : String(route.method).toUpperCase()
  if (!METHODS.includes(method))
    throw invalid(index, `method ${JSON.stringify(route.method)} is not one of ${METHODS.join(', ')}`)
  if (typeof path !== 'string') throw invalid(index, `path must be a string, got ${JSON.stringify(path)}`)
  if (route.stream !== undefined && typeof route.stream !== 'boolean')
    throw invalid(index, 'stream must be a boolean')
  if (route.stream === true && type !== 'function-url' && type !== 'rest-api') {
    throw invalid(index, `stream is for function-url and rest-api routes; ${type} responses are buffered`)
  }
  const stage = route.stage ?? (type === 'rest-api' ? 'prod' : '$default')
  if (typeof stage !== 'string' || !/^[$A-Za-z0-9_-]{1,128}$/.test(stage))
    throw invalid(index, `stage ${JSON.stringify(stage)} is not a stage name`)
  const matcher = matcherOf(type, path)
  if (typeof matcher === 'string') throw invalid(index, `path ${JSON.stringify(path)} ${matcher}`)
  return {
    route,
    type,
    method,
    routeKey: path === '$default' ? '$default' : `${method} ${path}`,
    stage,
    timeoutMs: timeoutOf(route, index),
    matcher,
  }
}

function matcherOf(type: HttpRouteType, path: string): PathMatcher | string {
  if (type === 'alb') return albPathPattern(path)
  if (type === 'function-url') return functionUrlMount(path)
  if (path === '$default' && type === 'http-api') {
    // An HTTP API's `$default` route catches what no other route matches: it ranks below all of them.
    return { match: (): PathMatch => ({ pathParameters: {} }), rank: [0], shape: '$default' }
  }
  const matcher = apiGatewayPath(path)
  return typeof matcher === 'string' ? matcher : { ...matcher, rank: [1, ...matcher.rank] }
}

function timeoutOf(route: HttpRoute, index: number): number | undefined {
  const max = MAX_TIMEOUT[route.type]
  const value = route.timeoutInMillis
  if (max === undefined) {
    if (value !== undefined)
      throw invalid(index, `timeoutInMillis is for API Gateway routes; ${route.type} has none`)
    return undefined
  }
  if (value === undefined) return max
  if (!Number.isInteger(value) || value < 50 || value > max) {
    throw invalid(index, `timeoutInMillis ${JSON.stringify(value)} must be a whole number from 50 to ${max}`)
  }
  return value
}
