import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { SluiceRuntimeError } from './errors.ts'
import { SYNC_PAYLOAD_LIMIT_BYTES } from './payload-limits.ts'
import { type LambdaErrorBody, parseErrorBody } from './platform-errors.ts'
import { readResponseStream, type StreamListener, type StreamOutcome } from './response-stream.ts'
import { STREAM_LIMITS, type StreamLimits } from './stream-limits.ts'

/** One event to hand to the runtime on its next `GET …/invocation/next`. */
export interface InvocationRequest {
  readonly requestId: string
  /** The event as JSON text. */
  readonly payload: string
  readonly timeoutMs: number
  readonly functionArn: string
  readonly traceId: string
  /** JSON text for `Lambda-Runtime-Client-Context`. */
  readonly clientContext?: string
  /** JSON text for `Lambda-Runtime-Cognito-Identity`. */
  readonly cognitoIdentity?: string
  /** Sent as `Lambda-Runtime-Aws-Tenant-Id` (tenant isolation mode). */
  readonly tenantId?: string
}

/** What the runtime posted back for an invocation: a buffered response, an error, or a streamed response. */
export type InvocationOutcome =
  | { readonly kind: 'response'; readonly payload: string }
  | { readonly kind: 'error'; readonly error: LambdaErrorBody }
  | { readonly kind: 'stream'; readonly stream: StreamOutcome }

/** Hooks a container uses to follow its runtime's lifecycle. */
export interface RuntimeApiEvents {
  /** A `next` poll arrived: the runtime finished init or the previous invocation. */
  onNext(): void
  /** The event left for the runtime; the deadline clock starts now. */
  onDelivered(requestId: string, deadlineMs: number): void
  onInitError(error: LambdaErrorBody): void
}

const API = '/2018-06-01/runtime'
const MAX_RESPONSE_BYTES = SYNC_PAYLOAD_LIMIT_BYTES
const RESULT_PATH = /^\/2018-06-01\/runtime\/invocation\/([^/]+)\/(response|error)$/

interface Pending {
  readonly request: InvocationRequest
  readonly resolve: (outcome: InvocationOutcome) => void
  readonly listener: StreamListener | undefined
}

/**
 * The Lambda Runtime API (2018-06-01) for one container, on 127.0.0.1: `next`, `response`, `error` and
 * `init/error`, with the headers Lambda sends. Several `next` polls may wait at once and several invocations may
 * be in flight, each answered on its own `invocation/{id}/response|error` route (Managed Instances mode); the
 * caller decides how many it delivers at once. A response posted with `Lambda-Runtime-Function-Response-Mode:
 * streaming` is read as it arrives, within Lambda's streaming limits (`limits`).
 *
 * @example
 * const api = await RuntimeApiServer.listen(0, events)
 * spawn(node, [ric], { env: { AWS_LAMBDA_RUNTIME_API: api.runtimeApi, … } })
 * const outcome = await api.deliver({ requestId, payload: '{}', timeoutMs: 3000, … })
 */
export class RuntimeApiServer {
  readonly #server: Server
  readonly #events: RuntimeApiEvents
  readonly #polls: ServerResponse[] = []
  readonly #queued: Pending[] = []
  readonly #inFlight = new Map<string, Pending>()
  readonly #limits: StreamLimits

  private constructor(server: Server, events: RuntimeApiEvents, limits: StreamLimits) {
    this.#server = server
    this.#events = events
    this.#limits = limits
  }

  /** Listens on 127.0.0.1:`port` (0 picks a free port); a taken port throws `PORT_IN_USE`. */
  static async listen(
    port: number,
    events: RuntimeApiEvents,
    limits: StreamLimits = STREAM_LIMITS,
  ): Promise<RuntimeApiServer> {
    const server = createServer({ requestTimeout: 0, keepAliveTimeout: 60_000 })
    const api = new RuntimeApiServer(server, events, limits)
    server.on('request', (req, res) => api.#route(req, res))
    await new Promise<void>((resolve, reject) => {
      server.once('error', (error: NodeJS.ErrnoException) => {
        if (error.code !== 'EADDRINUSE') return reject(error)
        const message = `port ${port} on 127.0.0.1 is in use: pass port 0 (--port 0) to pick a free one, or stop what listens there`
        reject(new SluiceRuntimeError('PORT_IN_USE', message, { cause: error }))
      })
      server.listen(port, '127.0.0.1', resolve)
    })
    return api
  }

  /** `host:port`, the value of AWS_LAMBDA_RUNTIME_API. */
  get runtimeApi(): string {
    const address = this.#server.address()
    return typeof address === 'object' && address !== null ? `127.0.0.1:${address.port}` : ''
  }

  /**
   * Queues an event for the runtime's next poll; resolves with what the runtime posts back (a streamed response
   * once it has ended). `listener` sees a streamed response while it arrives.
   */
  deliver(request: InvocationRequest, listener?: StreamListener): Promise<InvocationOutcome> {
    return new Promise((resolve) => {
      this.#queued.push({ request, resolve, listener })
      this.#flush()
    })
  }

  /** Forgets queued and in-flight work (the container was killed). */
  abandon(): void {
    this.#queued.length = 0
    this.#inFlight.clear()
  }

  /** Invocations delivered and not answered yet. */
  get inFlight(): number {
    return this.#inFlight.size
  }

  /** Closes the server and every connection, including a held `next` poll. */
  async close(): Promise<void> {
    this.abandon()
    this.#polls.length = 0
    await new Promise<void>((resolve) => {
      this.#server.close(() => resolve())
      this.#server.closeAllConnections()
    })
  }

  #route(req: IncomingMessage, res: ServerResponse): void {
    const url = req.url ?? ''
    if (req.method === 'GET' && url === `${API}/invocation/next`) {
      this.#next(res)
    } else if (req.method !== 'POST') {
      reply(res, 405, { errorType: 'MethodNotAllowed' })
    } else if (url === `${API}/init/error`) {
      readBody(req, (body) => {
        reply(res, 202, { status: 'OK' })
        this.#events.onInitError(parseErrorBody(body, header(req, 'lambda-runtime-function-error-type')))
      })
    } else if (header(req, 'lambda-runtime-function-response-mode') === 'streaming') {
      this.#stream(req, res)
    } else {
      readBody(req, (body, tooLarge) => this.#result(req, res, body, tooLarge))
    }
  }

  /** The invocation a result route names, taken out of the in-flight set; answers 404/400 when there is none. */
  #claim(req: IncomingMessage, res: ServerResponse): { pending: Pending; route: string } | undefined {
    const match = RESULT_PATH.exec(req.url ?? '')
    const requestId = match?.[1] === undefined ? undefined : decodeURIComponent(match[1])
    const pending = requestId === undefined ? undefined : this.#inFlight.get(requestId)
    if (match === null || pending === undefined) {
      reply(res, match === null ? 404 : 400, { errorType: match === null ? 'NotFound' : 'InvalidRequestID' })
      return undefined
    }
    this.#inFlight.delete(pending.request.requestId)
    return { pending, route: match[2] ?? '' }
  }

  #stream(req: IncomingMessage, res: ServerResponse): void {
    const claimed = this.#claim(req, res)
    if (claimed === undefined) {
      req.resume()
      return
    }
    const { pending } = claimed
    void readResponseStream(req, this.#limits, pending.listener).then(({ outcome, oversized }) => {
      if (oversized) reply(res, 413, { errorType: 'RequestEntityTooLarge' })
      else reply(res, 202, { status: 'OK' })
      pending.resolve({ kind: 'stream', stream: outcome })
    })
  }

  #result(req: IncomingMessage, res: ServerResponse, body: string, tooLarge: boolean): void {
    const claimed = this.#claim(req, res)
    if (claimed === undefined) return
    const { pending: inFlight, route } = claimed
    if (tooLarge) {
      reply(res, 413, { errorType: 'RequestEntityTooLarge' })
      inFlight.resolve({ kind: 'error', error: responseTooLarge() })
      return
    }
    reply(res, 202, { status: 'OK' })
    if (route === 'response') {
      inFlight.resolve({ kind: 'response', payload: body })
    } else {
      inFlight.resolve({
        kind: 'error',
        error: parseErrorBody(body, header(req, 'lambda-runtime-function-error-type')),
      })
    }
  }

  #next(res: ServerResponse): void {
    this.#polls.push(res)
    res.on('close', () => {
      const index = this.#polls.indexOf(res)
      if (index !== -1) this.#polls.splice(index, 1)
    })
    this.#events.onNext()
    this.#flush()
  }

  #flush(): void {
    while (this.#polls.length > 0 && this.#queued.length > 0) {
      const poll = this.#polls.shift()
      const queued = this.#queued.shift()
      if (poll !== undefined && queued !== undefined) this.#send(poll, queued)
    }
  }

  #send(poll: ServerResponse, queued: Pending): void {
    this.#inFlight.set(queued.request.requestId, queued)
    const { request } = queued
    const deadlineMs = Date.now() + request.timeoutMs
    poll.writeHead(200, {
      // The RIC's native client crashes (strlen on NULL) when a `next` response has no Content-Type.
      'Content-Type': 'application/json',
      'Lambda-Runtime-Aws-Request-Id': request.requestId,
      'Lambda-Runtime-Deadline-Ms': String(deadlineMs),
      'Lambda-Runtime-Invoked-Function-Arn': request.functionArn,
      'Lambda-Runtime-Trace-Id': request.traceId,
      ...(request.clientContext === undefined
        ? {}
        : { 'Lambda-Runtime-Client-Context': request.clientContext }),
      ...(request.cognitoIdentity === undefined
        ? {}
        : { 'Lambda-Runtime-Cognito-Identity': request.cognitoIdentity }),
      ...(request.tenantId === undefined ? {} : { 'Lambda-Runtime-Aws-Tenant-Id': request.tenantId }),
    })
    poll.end(request.payload)
    this.#events.onDelivered(request.requestId, deadlineMs)
  }
}

function readBody(req: IncomingMessage, done: (body: string, tooLarge: boolean) => void): void {
  const chunks: Buffer[] = []
  let size = 0
  req.on('data', (chunk: Buffer) => {
    size += chunk.length
    if (size <= MAX_RESPONSE_BYTES) chunks.push(chunk)
  })
  req.on('end', () => done(Buffer.concat(chunks).toString('utf8'), size > MAX_RESPONSE_BYTES))
}

function reply(res: ServerResponse, status: number, body: Record<string, string>): void {
  res.writeHead(status, { 'Content-Type': 'application/json' })
  res.end(JSON.stringify(body))
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name]
  return Array.isArray(value) ? value[0] : value
}

function responseTooLarge(): LambdaErrorBody {
  return {
    errorType: 'Function.ResponseSizeTooLarge',
    errorMessage: `Response payload size exceeded maximum allowed payload size (${MAX_RESPONSE_BYTES} bytes).`,
    trace: [],
  }
}
