import { randomBytes } from 'node:crypto'
import { createServer } from 'node:http'
import { optionChecks } from '@sluice/core'
import { SluiceRuntimeError } from '../errors.ts'
import { type DoorContext, exchange, type HttpRequestRecord } from './exchange.ts'
import { gatewayReply } from './gateway-replies.ts'
import { listenLocal } from './listen-local.ts'
import { compileRoutes, type HttpRoute, type HttpRouteType } from './route-table.ts'
import { writeReply } from './write-reply.ts'

const checks = optionChecks((message) => new SluiceRuntimeError('RUNTIME_INVALID_OPTION', message))

/** Options of {@link httpFrontDoor}. */
export interface HttpFrontDoorOptions {
  readonly routes: readonly HttpRoute[]
  /** Port on 127.0.0.1; default 0 (a free one). A taken port throws `PORT_IN_USE`. */
  readonly port?: number
  /** Region in Function URL domains and ALB ARNs. Default `us-east-1`. */
  readonly region?: string
  /** Account id in events. Default `123456789012`. */
  readonly accountId?: string
}

/** A route as served: its key and where to call it. */
export interface HttpRouteInfo {
  readonly type: HttpRouteType
  readonly method: string
  readonly path: string
  /** `POST /quotes`, `ANY /{proxy+}`, `$default`. */
  readonly routeKey: string
  readonly stage: string
  /** `http://127.0.0.1:<port>` plus the literal start of the path. */
  readonly url: string
}

/** A running set of front doors on one local port. */
export interface HttpFrontDoor extends AsyncDisposable {
  /** `http://127.0.0.1:<port>`. */
  readonly url: string
  readonly port: number
  readonly routes: readonly HttpRouteInfo[]
  /** Calls `listener` once per request, after its response was written; returns a function that removes it. */
  onRequest(listener: (record: HttpRequestRecord) => void): () => void
  /** Stops listening and closes open connections. Idempotent. */
  stop(): Promise<void>
}

/**
 * Serves HTTP on 127.0.0.1 and turns each request into the event its AWS front door builds — HTTP API (payload
 * 2.0), REST API (payload 1.0), ALB or Function URL — then the function's result into the response that front
 * door sends, streaming included. `curl` works.
 *
 * @example
 * await using door = await httpFrontDoor({ routes: [{ type: 'http-api', method: 'POST', path: '/quotes', function: runtime }] })
 * await fetch(`${door.url}/quotes`, { method: 'POST', body: '{"items":[]}' })
 */
export async function httpFrontDoor(options: HttpFrontDoorOptions): Promise<HttpFrontDoor> {
  const routes = compileRoutes(options.routes)
  const wanted = checks.number('port', options.port ?? 0, { integer: true, min: 0, max: 65_535 })
  const types = new Set(routes.map((route) => route.type))
  const only = types.size === 1 ? [...types][0] : undefined
  const listeners = new Set<(record: HttpRequestRecord) => void>()
  let port = 0
  const door: DoorContext = {
    routes,
    port: () => port,
    region: options.region ?? 'us-east-1',
    accountId: options.accountId ?? '123456789012',
    apiIds: routes.map((route) =>
      randomBytes(16)
        .toString('hex')
        .slice(0, route.type === 'function-url' ? 32 : 10),
    ),
    notFoundType: only === 'rest-api' || only === 'alb' ? only : 'http-api',
  }
  const server = createServer((req, res) => {
    exchange(door, req, res).then(
      (record) => {
        for (const listener of listeners) listener(record)
      },
      () => {
        // A bug of ours, not the client's: answer 500 if nothing went out yet, never bring the server down.
        if (!res.headersSent) writeReply(res, gatewayReply('http-api', 'function-error'), [], false)
        else res.destroy()
      },
    )
  })
  port = await listenLocal(server, wanted)
  const url = `http://127.0.0.1:${port}`
  let stopped: Promise<void> | undefined
  const stop = () => {
    stopped ??= new Promise<void>((resolve) => {
      server.close(() => resolve())
      server.closeAllConnections()
    })
    return stopped
  }
  return {
    url,
    port,
    routes: routes.map((route) => ({
      type: route.type,
      method: route.method,
      path: route.route.path,
      routeKey: route.routeKey,
      stage: route.stage,
      url: `${url}${literalStart(route.route.path)}`,
    })),
    onRequest(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    stop,
    [Symbol.asyncDispose]: stop,
  }
}

/** The part of a route path before its first parameter or wildcard: what a user can call as is. */
function literalStart(path: string): string {
  if (path === '$default') return '/'
  const cut = path.search(/[{*?]/)
  return cut === -1 ? path : path.slice(0, cut)
}
