import { request } from 'node:http'
import { connect } from 'node:net'
import type { InvokeTarget } from '../src/event-sources/source-types.ts'
import type { InvocationResult } from '../src/invocation.ts'
import { buildReport } from '../src/report.ts'

/** What a front door answered, as the client read it. */
export interface HttpAnswer {
  readonly status: number
  readonly message: string
  readonly headers: Record<string, string | string[] | undefined>
  readonly body: string
}

/**
 * Sends a request with exactly these header lines, repeats kept (fetch would join them), and the path as is
 * (a URL string would be normalised first: `'` → `%27`).
 *
 * @example
 * const answer = await sendHttp(door.url, 'GET', '/orders/1?tag=a&tag=b', [['X-Tag', 'one'], ['X-Tag', 'two']])
 */
export function sendHttp(
  url: string,
  method: string,
  path: string,
  lines: readonly (readonly [string, string])[],
  body = '',
): Promise<HttpAnswer> {
  const { hostname, port, host } = new URL(url)
  const headers = [['Host', host], ...lines].flat()
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path, method, headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          message: res.statusMessage ?? '',
          headers: res.headers,
          body: Buffer.concat(chunks).toString(),
        }),
      )
    })
    req.on('error', reject)
    req.end(body)
  })
}

/**
 * Writes raw bytes to a server (a request Node's client would refuse to send) and resolves with the status line
 * it answers, `''` when it closed without one.
 *
 * @example
 * await rawStatusLine(door.port, Buffer.from('GET /%zz HTTP/1.1\r\nHost: x\r\n\r\n')) // 'HTTP/1.1 404 Not Found'
 */
export function rawStatusLine(port: number, bytes: Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.end(bytes))
    let text = ''
    socket.on('data', (chunk: Buffer) => {
      text += chunk.toString('latin1')
    })
    socket.on('close', () => resolve(text.split('\r\n')[0] ?? ''))
    socket.on('error', reject)
  })
}

/** An in-process function that records every event it gets (as JSON would carry it). */
export interface RecordingTarget extends InvokeTarget {
  readonly events: Record<string, unknown>[]
}

/**
 * An in-process function for front door tests: answers each event with what `answer` returns (a `result`, or an
 * `error`), `'ok'` by default.
 *
 * @example
 * const failing = recordingTarget(() => ({ error: { errorType: 'Error', errorMessage: 'boom', trace: [] } }))
 */
export function recordingTarget(
  answer: (event: Record<string, unknown>) => Partial<InvocationResult> = () => ({ result: 'ok' }),
): RecordingTarget {
  const events: Record<string, unknown>[] = []
  return {
    events,
    invoke: async (event) => {
      const parsed = JSON.parse(JSON.stringify(event))
      events.push(parsed)
      const report = buildReport({
        requestId: 'r-1',
        durationMs: 1,
        memorySizeMb: 128,
        maxMemoryUsedMb: 60,
        status: 'success',
      })
      const base = {
        requestId: 'r-1',
        report,
        logs: [],
        containerId: 'c-1',
        coldStart: false,
        concurrency: 1,
      }
      return { ...base, ...answer(parsed) }
    },
  }
}
