import type { InvocationResult, StreamChunk } from './invocation.ts'
import type { StreamOutcome } from './response-stream.ts'

/** The fields a streamed response adds to an invocation result. */
export type StreamedFields = Pick<
  InvocationResult,
  'result' | 'resultEncoding' | 'firstByteMs' | 'stream' | 'error'
>

// `ignoreBOM` keeps a leading byte order mark in the text: the body is shown as it was sent.
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })

/**
 * Turns a streamed response into result fields: the assembled body as `result` (UTF-8 text, or base64 with
 * `resultEncoding: 'base64'` when the bytes are not valid UTF-8), `firstByteMs`, and `stream` with the chunks'
 * arrival times relative to `deliveredAt` (a `performance.now()` value). A stream that failed before any body
 * byte has no `result`.
 *
 * @example
 * streamedResult(outcome, deliveredAt) // { result: 'chunk-1;chunk-2;', firstByteMs: 1.8, stream: { … } }
 */
export function streamedResult(outcome: StreamOutcome, deliveredAt: number): StreamedFields {
  const chunks: StreamChunk[] = outcome.chunks.map(({ at, data }) => ({
    atMs: round(at - deliveredAt),
    data,
  }))
  const body = Buffer.concat(outcome.chunks.map((chunk) => chunk.data))
  const first = chunks[0]
  const stream = {
    contentType: outcome.contentType,
    ...(outcome.prelude === undefined ? {} : { prelude: outcome.prelude }),
    chunks,
    bytes: body.length,
    throttledMs: outcome.throttledMs,
  }
  const fields = {
    ...(first === undefined ? {} : { firstByteMs: first.atMs }),
    stream,
    ...(outcome.error === undefined ? {} : { error: outcome.error }),
  }
  if (outcome.error !== undefined && body.length === 0) return fields
  const text = utf8(body)
  return text === undefined
    ? { result: body.toString('base64'), resultEncoding: 'base64', ...fields }
    : { result: text, ...fields }
}

/** Milliseconds to 2 decimals, as REPORT durations. */
function round(ms: number): number {
  return Math.round(Math.max(0, ms) * 100) / 100
}

function utf8(bytes: Buffer): string | undefined {
  try {
    return strictUtf8.decode(bytes)
  } catch {
    return undefined
  }
}
