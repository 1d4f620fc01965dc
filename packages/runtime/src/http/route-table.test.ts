import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { SluiceRuntimeError } from '../errors.ts'
import type { InvokeTarget } from '../event-sources/source-types.ts'
import { matchRoute } from './route-match.ts'
import { compileRoutes, type HttpRoute } from './route-table.ts'

const target: InvokeTarget = { invoke: async () => Promise.reject(new Error('not called')) }
const route = (overrides: Partial<HttpRoute>): HttpRoute => ({
  type: 'http-api',
  path: '/',
  function: target,
  ...overrides,
})

const refusal = (routes: readonly unknown[]) => {
  try {
    // Routes come from a user's config file at run time: anything can arrive.
    compileRoutes(routes as readonly HttpRoute[])
  } catch (error) {
    if (error instanceof SluiceRuntimeError) return `${error.code}: ${error.message}`
    throw error
  }
  return 'accepted'
}

describe('compileRoutes', () => {
  it.each([
    [[route({ type: 'websocket' as HttpRoute['type'] })], /routes\[0\]: type "websocket" is not one of/],
    [[route({ path: 'orders' })], /path "orders" must start with \//],
    [[route({ path: '/orders/{id' })], /neither a literal nor a whole \{name\}/],
    [[route({ path: '/a/{proxy+}/b' })], /\{proxy\+\} must be the last segment/],
    [[route({ path: '/a//b' })], /empty segment/],
    [[route({ path: '/a/{id}/{id}' })], /names a path parameter twice/],
    [[route({ method: 'FETCH' })], /method "FETCH" is not one of/],
    [[route({ stream: true })], /stream is for function-url and rest-api routes/],
    [[route({ timeoutInMillis: 30_001 })], /timeoutInMillis 30001 must be a whole number from 50 to 30000/],
    [[route({ type: 'rest-api', timeoutInMillis: 29_500 })], /from 50 to 29000/],
    [[route({ type: 'alb', timeoutInMillis: 100 })], /alb has none/],
    [[route({ type: 'alb', path: '/a b' })], /must not hold spaces/],
    [[route({ type: 'function-url', path: '/x/*' })], /plain path prefix/],
    [[route({ function: {} as InvokeTarget })], /function must have an invoke\(\) method/],
    [
      [route({ path: '/a/{x}' }), route({ path: '/a/{y}' })],
      /routes\[1\]: duplicates routes\[0\] \(ANY \/a\/\{y\}\)/,
    ],
    [[route({ method: 'get', path: '/a' }), route({ method: 'GET', path: '/a' })], /duplicates routes\[0\]/],
    [[], /non-empty array/],
  ])('refuses a bad route table with HTTP_ROUTE_INVALID naming the route (%#)', (routes, message) => {
    const outcome = refusal(routes)
    expect(outcome.startsWith('HTTP_ROUTE_INVALID: ')).toBe(true)
    expect(outcome).toMatch(message)
  })

  it('accepts the same path on different methods and on different front door types', () => {
    const routes = compileRoutes([
      route({ method: 'GET', path: '/a' }),
      route({ method: 'POST', path: '/a' }),
      route({ type: 'rest-api', method: 'GET', path: '/a' }),
    ])
    expect(routes.map((entry) => entry.routeKey)).toEqual(['GET /a', 'POST /a', 'GET /a'])
    expect(routes.map((entry) => entry.stage)).toEqual(['$default', '$default', 'prod'])
  })

  it('never throws anything but HTTP_ROUTE_INVALID, whatever the route looks like', () => {
    const anyRoute = fc.record(
      {
        type: fc.constantFrom('http-api', 'rest-api', 'alb', 'function-url', 'ws', 7),
        method: fc.oneof(fc.constantFrom('GET', 'ANY', 'post'), fc.string()),
        path: fc.oneof(fc.string(), fc.stringMatching(/^(\/(\{[a-z]+\+?\}|[a-z*?]+)){0,4}$/)),
        stream: fc.oneof(fc.boolean(), fc.constant('yes')),
        timeoutInMillis: fc.oneof(fc.integer({ min: -10, max: 40_000 }), fc.double()),
        function: fc.constant(target),
      },
      { requiredKeys: ['type', 'path', 'function'] },
    )
    fc.assert(
      fc.property(fc.array(anyRoute, { maxLength: 4 }), (routes) => {
        const outcome = refusal(routes)
        expect(outcome === 'accepted' || outcome.startsWith('HTTP_ROUTE_INVALID: routes')).toBe(true)
      }),
    )
  })
})

describe('matchRoute', () => {
  const routes = compileRoutes([
    route({ path: '$default' }),
    route({ path: '/{proxy+}' }),
    route({ path: '/orders/{id}' }),
    route({ method: 'GET', path: '/orders/{id}' }),
    route({ path: '/orders/latest' }),
    route({ path: '/files/{path+}' }),
    route({ type: 'alb', path: '/img/*.png' }),
    route({ type: 'function-url', path: '/export' }),
  ])
  const keyOf = (method: string, path: string) => {
    const match = matchRoute(routes, method, path)
    return match && [match.route.type, match.route.routeKey, match.pathParameters, match.innerPath]
  }

  it('picks the most specific API Gateway route: literal, then {param}, then {greedy+}, a method over ANY', () => {
    expect(keyOf('GET', '/orders/latest')).toEqual(['http-api', 'ANY /orders/latest', {}, undefined])
    expect(keyOf('GET', '/orders/o-1')).toEqual(['http-api', 'GET /orders/{id}', { id: 'o-1' }, undefined])
    expect(keyOf('PUT', '/orders/o%2F1')).toEqual(['http-api', 'ANY /orders/{id}', { id: 'o/1' }, undefined])
    expect(keyOf('GET', '/files/a/b/c.txt')).toEqual([
      'http-api',
      'ANY /files/{path+}',
      { path: 'a/b/c.txt' },
      undefined,
    ])
    expect(keyOf('GET', '/orders/o-1/lines')).toEqual([
      'http-api',
      'ANY /{proxy+}',
      { proxy: 'orders/o-1/lines' },
      undefined,
    ])
    expect(keyOf('GET', '/')).toEqual(['http-api', '$default', {}, undefined])
  })

  it('goes to ALB rules and Function URL mounts when no API Gateway route matches', () => {
    const doors = compileRoutes([
      route({ type: 'alb', path: '/img/*.png' }),
      route({ type: 'function-url', path: '/export' }),
    ])
    expect(matchRoute(doors, 'GET', '/img/a/b.png')?.route.type).toBe('alb')
    expect(matchRoute(doors, 'GET', '/img/a.gif')).toBeUndefined()
    expect(matchRoute(doors, 'GET', '/export/orders.csv')?.innerPath).toBe('/orders.csv')
    expect(matchRoute(doors, 'GET', '/export')?.innerPath).toBe('/')
    expect(matchRoute(doors, 'GET', '/exports')).toBeUndefined()
  })
})
