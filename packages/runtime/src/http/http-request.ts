import type { IncomingMessage } from 'node:http'

/** A request as it came off the wire, before any front door shapes it into an event. */
export interface RawRequest {
  readonly method: string
  /** The path as sent (still percent-encoded), without the query. */
  readonly rawPath: string
  /** What follows `?`, as sent; `''` when there is none. */
  readonly rawQueryString: string
  /** Every header line in order, names as sent, repeats kept. */
  readonly headers: readonly (readonly [string, string])[]
  readonly body: Buffer
  readonly sourceIp: string
  /** `HTTP/1.1`. */
  readonly protocol: string
  /** Epoch ms. */
  readonly receivedAt: number
}

/**
 * Reads a request whole. A body over `maxBytes` is not kept: the rest is drained and `tooLarge` is set, so the
 * caller can answer 413 without buffering megabytes it will throw away.
 *
 * @example
 * const { request, tooLarge } = await readRequest(req, 6 * 1024 * 1024)
 */
export function readRequest(
  req: IncomingMessage,
  maxBytes: number,
): Promise<{ request: RawRequest; tooLarge: boolean }> {
  const receivedAt = Date.now()
  const target = req.url ?? '/'
  const { rawPath, rawQueryString } = splitTarget(target)
  const headers: [string, string][] = []
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
    headers.push([req.rawHeaders[i] ?? '', req.rawHeaders[i + 1] ?? ''])
  }
  return new Promise((resolve) => {
    const chunks: Buffer[] = []
    let size = 0
    let tooLarge = false
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > maxBytes) tooLarge = true
      else chunks.push(chunk)
    })
    const done = () =>
      resolve({
        request: {
          method: (req.method ?? 'GET').toUpperCase(),
          rawPath,
          rawQueryString,
          headers,
          body: tooLarge ? Buffer.alloc(0) : Buffer.concat(chunks),
          sourceIp: (req.socket.remoteAddress ?? '127.0.0.1').replace(/^::ffff:/, ''),
          protocol: `HTTP/${req.httpVersion}`,
          receivedAt,
        },
        tooLarge,
      })
    req.on('end', done)
    // A client that goes away mid-body still gets an answer attempt; the write then fails quietly.
    req.on('error', done)
  })
}

/** Splits a request target (`/a/b?x=1`, or the absolute form `http://host/a?x=1`) into path and query. */
function splitTarget(target: string): { rawPath: string; rawQueryString: string } {
  let pathAndQuery = target.split('#')[0] ?? ''
  if (!pathAndQuery.startsWith('/')) {
    const afterScheme = /^[a-z][a-z0-9+.-]*:\/\/[^/?]*/i.exec(pathAndQuery)
    pathAndQuery = afterScheme === null ? '/' : pathAndQuery.slice(afterScheme[0].length) || '/'
    if (!pathAndQuery.startsWith('/')) pathAndQuery = `/${pathAndQuery}`
  }
  const at = pathAndQuery.indexOf('?')
  return at === -1
    ? { rawPath: pathAndQuery, rawQueryString: '' }
    : { rawPath: pathAndQuery.slice(0, at), rawQueryString: pathAndQuery.slice(at + 1) }
}
