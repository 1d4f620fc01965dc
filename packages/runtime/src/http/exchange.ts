import type { IncomingMessage, ServerResponse } from 'node:http'
import { newTraceId } from '../ids.ts'
import type { InvocationResult } from '../invocation.ts'
import { albEvent, restEvent } from './event-v1.ts'
import { payloadV2Event } from './event-v2.ts'
import { type GatewayFailure, gatewayReply, type HttpReply, INVOKE_PAYLOAD_LIMIT } from './gateway-replies.ts'
import { headerOf, mediaType } from './http-fields.ts'
import { readRequest } from './http-request.ts'
import { albReply, payloadV2Reply, restReply } from './http-result.ts'
import { newGatewayRequestId, type RequestFacts } from './request-facts.ts'
import { MALFORMED, type Malformed } from './result-fields.ts'
import { matchRoute } from './route-match.ts'
import type { CompiledRoute, HttpRouteType } from './route-table.ts'
import { invokeStreaming } from './stream-reply.ts'
import { writeReply } from './write-reply.ts'

/** What one request came to, for `onRequest` listeners (`sluice dev` prints it as a line). */
export interface HttpRequestRecord {
  readonly method: string
  readonly path: string
  /** `POST /quotes`; absent when no route matched. */
  readonly routeKey?: string
  readonly type?: HttpRouteType
  readonly status: number
  /** The front door's request id (`apigw-requestid`, `x-amzn-RequestId`). */
  readonly requestId: string
  /** The invocation's request id, when the function ran. */
  readonly lambdaRequestId?: string
  /** Why the front door answered itself: no route, function error, malformed result, timeout, body too large. */
  readonly failure?: GatewayFailure
  /** `true` when a streamed response was cut by an error after its first bytes. */
  readonly truncated?: boolean
  readonly durationMs: number
}

/** What the server knows that each exchange needs. */
export interface DoorContext {
  readonly routes: readonly CompiledRoute[]
  readonly port: () => number
  readonly region: string
  readonly accountId: string
  readonly apiIds: readonly string[]
  /** The type whose 404 an unmatched request gets. */
  readonly notFoundType: HttpRouteType
}

const ALB_BODY_LIMIT = 1024 * 1024

/**
 * Serves one request: reads it, finds its route, builds the event its front door would, invokes the function
 * (under the integration timeout for API Gateway), and writes the response that front door would. Never throws.
 *
 * @example
 * server.on('request', (req, res) => void exchange(context, req, res).then(report))
 */
export async function exchange(
  door: DoorContext,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<HttpRequestRecord> {
  const started = performance.now()
  const { request, tooLarge } = await readRequest(req, INVOKE_PAYLOAD_LIMIT)
  const match = matchRoute(door.routes, request.method, request.rawPath)
  const type = match?.route.type ?? door.notFoundType
  const requestId = newGatewayRequestId(type)
  const extra = idHeaders(type, requestId)
  const head = request.method === 'HEAD'
  const base = { method: request.method, path: request.rawPath, requestId }
  const answer = (reply: HttpReply, fields: Partial<HttpRequestRecord>): HttpRequestRecord => {
    if (!writeReply(res, reply, extra, head))
      return answer(gatewayReply(type, 'malformed-response'), { ...fields, failure: 'malformed-response' })
    return { ...base, ...fields, status: reply.statusCode, durationMs: performance.now() - started }
  }
  const fail = (failure: GatewayFailure, fields: Partial<HttpRequestRecord> = {}) =>
    answer(gatewayReply(type, failure), { ...fields, failure })
  if (match === undefined) return fail('not-found')
  const route = match.route
  const named = { routeKey: route.routeKey, type }
  if (tooLarge || (type === 'alb' && request.body.length > ALB_BODY_LIMIT)) return fail('too-large', named)
  const traceHeader = newTraceId(request.receivedAt)
  const facts: RequestFacts = {
    request,
    match,
    requestId,
    traceHeader,
    port: door.port(),
    region: door.region,
    accountId: door.accountId,
    apiId: door.apiIds[door.routes.indexOf(route)] ?? 'local',
  }
  const event =
    type === 'rest-api' ? restEvent(facts) : type === 'alb' ? albEvent(facts) : payloadV2Event(facts)
  if (Buffer.byteLength(JSON.stringify(event)) > INVOKE_PAYLOAD_LIMIT) return fail('too-large', named)
  const target = route.route.function
  if (route.route.stream === true) {
    const { result, sentStatus } = await invokeStreaming(target, event, traceHeader, res, extra, head)
    const ran = { ...named, lambdaRequestId: result.requestId }
    if (sentStatus !== undefined) {
      // AWS cuts a stream that fails midway: the client sees a truncated body, not an error status.
      if (result.error === undefined) res.end()
      else res.destroy()
      const truncated = result.error !== undefined
      return {
        ...base,
        ...ran,
        status: sentStatus,
        ...(truncated ? { truncated } : {}),
        durationMs: performance.now() - started,
      }
    }
    if (result.error !== undefined) return fail('function-error', ran)
    const reply =
      result.stream === undefined ? replyOf(route, result.result, request.headers) : emptyStream(result)
    return reply === MALFORMED ? fail('malformed-response', ran) : answer(reply, ran)
  }
  const outcome = await withTimeout(target.invoke(event, { traceId: traceHeader }), route.timeoutMs)
  if (outcome === 'timeout') return fail('timeout', named)
  const ran = { ...named, lambdaRequestId: outcome.requestId }
  if (outcome.error !== undefined) return fail('function-error', ran)
  const reply = replyOf(route, outcome.result, request.headers)
  return reply === MALFORMED ? fail('malformed-response', ran) : answer(reply, ran)
}

function replyOf(
  route: CompiledRoute,
  result: unknown,
  headers: RequestFacts['request']['headers'],
): HttpReply | Malformed {
  if (route.type === 'rest-api') {
    return restReply(result, mediaType(headerOf(headers, 'accept')), route.route.binaryMediaTypes ?? [])
  }
  if (route.type === 'alb') return albReply(result, route.route.multiValueHeaders === true)
  return payloadV2Reply(result)
}

/** A streamed response that wrote no prelude and no byte: its status and content type, no body. */
function emptyStream(result: InvocationResult): HttpReply {
  return {
    statusCode: result.stream?.prelude?.statusCode ?? 200,
    headers: [['content-type', result.stream?.contentType ?? 'application/octet-stream']],
    body: Buffer.alloc(0),
  }
}

function idHeaders(type: HttpRouteType, requestId: string): [string, string][] {
  if (type === 'http-api') return [['apigw-requestid', requestId]]
  if (type === 'alb') return []
  return [['x-amzn-RequestId', requestId]]
}

async function withTimeout(invocation: Promise<InvocationResult>, timeoutMs: number | undefined) {
  if (timeoutMs === undefined) return invocation
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs)
  })
  // The invocation goes on after the front door gave up, as in AWS; its result is dropped.
  return Promise.race([invocation, timeout]).finally(() => clearTimeout(timer))
}
