import type { HttpPrelude } from './http-prelude.ts'
import type { LambdaErrorBody } from './platform-errors.ts'
import type { InvocationReport } from './report.ts'

/**
 * Body bytes of a streamed response as they reached the caller.
 *
 * @example
 * const chunk: StreamChunk = { atMs: 101.4, data: new TextEncoder().encode('chunk-2;') }
 */
export interface StreamChunk {
  /** Time from the event's delivery to the runtime until these bytes passed the bandwidth cap, in ms. */
  readonly atMs: number
  readonly data: Uint8Array
}

/**
 * How a streamed response arrived (response streaming, `awslambda.streamifyResponse`).
 *
 * @example
 * const { stream } = await rt.invoke(event)
 * stream?.chunks.map((chunk) => chunk.atMs) // [1.2, 101.9, 203.4]
 */
export interface StreamedResponse {
  /** What the handler set (`responseStream.setContentType`), `application/octet-stream` by default. */
  readonly contentType: string
  /** Status code, headers and cookies written by `awslambda.HttpResponseStream.from()`, when it was used. */
  readonly prelude?: HttpPrelude
  /** Body chunks in arrival order (the prelude is not part of them). */
  readonly chunks: readonly StreamChunk[]
  /** Body bytes in all. */
  readonly bytes: number
  /** How long Lambda's bandwidth cap (2 MB/s after the first 6 MB) held the stream back, in ms. */
  readonly throttledMs: number
}

/** Per-invocation extras Lambda passes in headers. */
export interface InvokeOptions {
  /** Sent as `Lambda-Runtime-Client-Context` (mobile SDK client context). */
  readonly clientContext?: Readonly<Record<string, unknown>>
  /** Sent as `Lambda-Runtime-Cognito-Identity`. */
  readonly identity?: Readonly<{ cognitoIdentityId: string; cognitoIdentityPoolId: string }>
  /** X-Ray header; a fresh one by default. */
  readonly traceId?: string
  /** Called with each body chunk of a streamed response as it arrives (before the invocation resolves). */
  readonly onChunk?: (chunk: StreamChunk) => void
  /** Called with the HTTP prelude of a streamed response (`HttpResponseStream.from`) before its first chunk. */
  readonly onPrelude?: (prelude: HttpPrelude) => void
  /**
   * Tenant isolation mode: sent as `Lambda-Runtime-Aws-Tenant-Id` (the handler's `context.tenantId`). A container
   * only ever serves the tenant of its first invocation.
   */
  readonly tenantId?: string
  /**
   * The request id to use instead of a fresh one: Lambda's asynchronous retries of one event keep its request id.
   * Never reuse one while an invocation with it is in flight.
   */
  readonly requestId?: string
}

/** What one invocation gave: the result or Lambda's error shape, the REPORT figures and the function's logs. */
export interface InvocationResult {
  readonly requestId: string
  /**
   * The parsed JSON response, when the handler returned. For a streamed response, the body the caller received
   * (also when the stream then failed, as `error` says): UTF-8 text, or base64 when it is not valid UTF-8.
   */
  readonly result?: unknown
  /** `base64` when `result` is a streamed body that is not valid UTF-8. */
  readonly resultEncoding?: 'base64'
  /** Streamed responses: time from the event's delivery to the first body byte, in ms. */
  readonly firstByteMs?: number
  /** Set for streamed responses only: content type, prelude, chunks with their arrival times. */
  readonly stream?: StreamedResponse
  /** Lambda's `{ errorType, errorMessage, trace }`, when the handler threw, timed out or failed to init. */
  readonly error?: LambdaErrorBody
  readonly report: InvocationReport
  /** Lines the function printed (init output included on a cold start), without START/END/REPORT. */
  readonly logs: readonly string[]
  readonly containerId: string
  readonly coldStart: boolean
  /**
   * Invocations in flight in its container when this one started, itself included: always 1 unless Managed
   * Instances mode (`maxConcurrency`). The largest value per container is that container's peak concurrency.
   */
  readonly concurrency: number
  /** The tenant it ran for, when it was given one. */
  readonly tenantId?: string
}
