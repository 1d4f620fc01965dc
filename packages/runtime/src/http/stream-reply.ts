import type { ServerResponse } from 'node:http'
import type { InvokeTarget } from '../event-sources/source-types.ts'
import type { HttpPrelude } from '../http-prelude.ts'
import type { InvocationResult } from '../invocation.ts'
import { MALFORMED, statusOf } from './result-fields.ts'
import { wireHeaders } from './write-reply.ts'

/** How a streamed exchange went: the invocation's result, and the status the client got if bytes went out. */
export interface StreamedExchange {
  readonly result: InvocationResult
  /** The status already sent, once the prelude or the first chunk went out; the reply can no longer change. */
  readonly sentStatus: number | undefined
}

/**
 * Invokes a streaming route and writes as the bytes arrive, as a Function URL in `RESPONSE_STREAM` mode does: the
 * prelude's status, headers and cookies go out at once (or 200 `application/octet-stream` with the first chunk
 * when the handler wrote no prelude), then each chunk, chunked, so the client reads rows before the function
 * ends. The caller ends the response, or cuts it when the stream failed midway.
 *
 * @example
 * const { result, sentStatus } = await invokeStreaming(runtime, event, traceId, res, [], false)
 */
export async function invokeStreaming(
  target: InvokeTarget,
  event: unknown,
  traceId: string,
  res: ServerResponse,
  extra: readonly (readonly [string, string])[],
  head: boolean,
): Promise<StreamedExchange> {
  let sentStatus: number | undefined
  const start = (statusCode: number, lines: readonly (readonly [string, string])[]) => {
    if (sentStatus !== undefined) return
    // A prelude header that is not valid on the wire is dropped, not the whole response.
    const headers = wireHeaders([...lines, ...extra]) ?? wireHeaders(extra) ?? []
    sentStatus = statusCode
    res.writeHead(statusCode, headers)
    res.flushHeaders()
  }
  const result = await target.invoke(event, {
    traceId,
    onPrelude: (prelude) => {
      const status = statusOf(prelude.statusCode ?? 200)
      start(status === MALFORMED ? 502 : status, preludeLines(prelude))
    },
    onChunk: (chunk) => {
      start(200, [['content-type', 'application/octet-stream']])
      if (!head && !res.destroyed) res.write(chunk.data)
    },
  })
  return { result, sentStatus }
}

/**
 * The header lines of an HTTP prelude: its headers, then one `set-cookie` per cookie.
 *
 * @example
 * preludeLines({ statusCode: 200, cookies: ['a=1'] }) // [['set-cookie', 'a=1']]
 */
export function preludeLines(prelude: HttpPrelude): [string, string][] {
  return [
    ...Object.entries(prelude.headers ?? {}),
    ...(prelude.cookies ?? []).map((cookie): [string, string] => ['set-cookie', cookie]),
  ]
}
