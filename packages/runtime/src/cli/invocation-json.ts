import type { InvocationResult } from '../invocation.ts'

/** An invocation as `--json` prints it: a streamed response's chunks as arrival times and sizes. */
export type InvocationJson = Omit<InvocationResult, 'stream'> & {
  readonly stream?: Omit<NonNullable<InvocationResult['stream']>, 'chunks'> & {
    readonly chunks: readonly { readonly atMs: number; readonly bytes: number }[]
  }
}

/**
 * The JSON shape of a result: the same fields, except that a streamed response's chunks carry their size instead
 * of their bytes (the body is `result` already; raw bytes would print as a list of numbers).
 *
 * @example
 * JSON.stringify(invocationJson(result)) // '{"requestId":"…","result":"chunk-1;…","firstByteMs":1.9,"stream":{…}}'
 */
export function invocationJson(result: InvocationResult): InvocationJson {
  const { stream, ...rest } = result
  if (stream === undefined) return rest
  const chunks = stream.chunks.map((chunk) => ({ atMs: chunk.atMs, bytes: chunk.data.byteLength }))
  return { ...rest, stream: { ...stream, chunks } }
}
