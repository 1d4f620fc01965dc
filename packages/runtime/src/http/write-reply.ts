import { type ServerResponse, validateHeaderName, validateHeaderValue } from 'node:http'
import type { HttpReply } from './gateway-replies.ts'

// Framing is the server's business: a function's own length or encoding header would contradict the bytes sent.
const FRAMING = new Set(['content-length', 'transfer-encoding', 'connection'])

/**
 * Header lines that are valid on the wire, framing headers dropped; `undefined` when one is not (a name with a
 * space, a value with a newline), which the caller answers as a malformed result.
 *
 * @example
 * wireHeaders([['x-a', '1'], ['content-length', '9']]) // ['x-a', '1']
 */
export function wireHeaders(lines: readonly (readonly [string, string])[]): string[] | undefined {
  const flat: string[] = []
  try {
    for (const [name, value] of lines) {
      if (FRAMING.has(name.toLowerCase())) continue
      validateHeaderName(name)
      validateHeaderValue(name, value)
      flat.push(name, value)
    }
  } catch {
    return undefined
  }
  return flat
}

/** A reason phrase Node will send: printable ASCII only, else the standard one. */
function reasonPhrase(message: string | undefined): string | undefined {
  return message !== undefined && /^[\x20-\x7e]+$/.test(message) ? message : undefined
}

/**
 * Writes a whole reply (a `HEAD` request gets no body) with its length; `extra` are the front door's own headers
 * (`apigw-requestid`…). Returns false, writing nothing, when a header is not valid on the wire.
 *
 * @example
 * writeReply(res, reply, [['apigw-requestid', id]], false) // true
 */
export function writeReply(
  res: ServerResponse,
  reply: HttpReply,
  extra: readonly (readonly [string, string])[],
  head: boolean,
): boolean {
  const headers = wireHeaders([...reply.headers, ...extra])
  if (headers === undefined) return false
  headers.push('content-length', String(reply.body.length))
  const reason = reasonPhrase(reply.statusMessage)
  if (reason === undefined) res.writeHead(reply.statusCode, headers)
  else res.writeHead(reply.statusCode, reason, headers)
  res.end(head ? undefined : reply.body)
  return true
}
