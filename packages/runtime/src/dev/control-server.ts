import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { errorMessage } from '@sluice/core'
import { SluiceRuntimeError } from '../errors.ts'
import type { EventSource } from '../event-sources/source-types.ts'
import { listenLocal } from '../http/listen-local.ts'

/** Bodies above this are refused before they are read whole: every source caps its messages far lower. */
const MAX_BODY = 16 * 1024 * 1024

/** The control endpoint of `sluice dev`: where `sluice send` and tests put messages in and read fates back. */
export interface ControlServer {
  readonly url: string
  stop(): Promise<void>
}

/**
 * Serves `sources` on 127.0.0.1: `GET /sources`, `POST /sources/<name>/messages` (a JSON message or an array of
 * them → the source's `send`, 202 `{ ids }`; a typed error → 400 `{ code, message }`), `GET /sources/<name>/fates`
 * and `GET /sources/<name>/outputs`.
 *
 * @example
 * const control = await startControlServer(sources, 0)
 * await fetch(`${control.url}/sources/orders/messages`, { method: 'POST', body: '{"body":"hi"}' })
 */
export async function startControlServer(
  sources: ReadonlyMap<string, EventSource>,
  port = 0,
): Promise<ControlServer> {
  const server = createServer((request, response) => {
    route(sources, request, response).catch((error: unknown) =>
      reply(response, 500, { code: 'INTERNAL', message: errorMessage(error) }),
    )
  })
  const bound = await listenLocal(server, port)
  return {
    url: `http://127.0.0.1:${bound}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}

async function route(
  sources: ReadonlyMap<string, EventSource>,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://127.0.0.1')
  if (request.method === 'GET' && url.pathname === '/sources')
    return reply(response, 200, { sources: [...sources.values()].map(({ name, kind }) => ({ name, kind })) })
  const match = /^\/sources\/([^/]+)\/(messages|fates|outputs)$/.exec(url.pathname)
  const name = match?.[1] === undefined ? undefined : safeDecode(match[1])
  const source = name === undefined ? undefined : sources.get(name)
  if (match === null) return reply(response, 404, notFound(`no route ${request.method} ${url.pathname}`))
  if (source === undefined)
    return reply(response, 404, notFound(`no source ${name}: there are ${[...sources.keys()].join(', ')}`))
  if (match[2] === 'fates' && request.method === 'GET') return reply(response, 200, source.fates())
  if (match[2] === 'outputs' && request.method === 'GET') return reply(response, 200, source.outputs())
  if (match[2] !== 'messages' || request.method !== 'POST')
    return reply(response, 405, notFound(`${request.method} is not allowed on ${url.pathname}`))
  const body = await readBody(request)
  if (body === undefined)
    return reply(response, 413, {
      code: 'EVENT_SOURCE_PAYLOAD_TOO_LARGE',
      message: `bodies are capped at ${MAX_BODY} bytes`,
    })
  let input: unknown
  try {
    input = JSON.parse(body)
  } catch (error) {
    return reply(response, 400, {
      code: 'EVENT_NOT_JSON',
      message: `the body is not JSON: ${errorMessage(error)}`,
    })
  }
  try {
    return reply(response, 202, { ids: await source.send(input) })
  } catch (error) {
    if (!(error instanceof SluiceRuntimeError)) throw error
    return reply(response, 400, { code: error.code, message: error.message })
  }
}

async function readBody(request: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > MAX_BODY) return undefined
    chunks.push(chunk)
  }
  return Buffer.concat(chunks).toString('utf8')
}

function safeDecode(text: string): string | undefined {
  try {
    return decodeURIComponent(text)
  } catch {
    return undefined
  }
}

function notFound(message: string) {
  return { code: 'INVALID_ARGUMENT', message }
}

function reply(response: ServerResponse, status: number, body: unknown): void {
  if (response.headersSent) return void response.end()
  response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body))
}
