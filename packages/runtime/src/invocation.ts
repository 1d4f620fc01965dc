import type { LambdaErrorBody } from './platform-errors.ts'
import type { InvocationReport } from './report.ts'

/** Per-invocation extras Lambda passes in headers. */
export interface InvokeOptions {
  /** Sent as `Lambda-Runtime-Client-Context` (mobile SDK client context). */
  readonly clientContext?: Readonly<Record<string, unknown>>
  /** Sent as `Lambda-Runtime-Cognito-Identity`. */
  readonly identity?: Readonly<{ cognitoIdentityId: string; cognitoIdentityPoolId: string }>
  /** X-Ray header; a fresh one by default. */
  readonly traceId?: string
}

/** What one invocation gave: the result or Lambda's error shape, the REPORT figures and the function's logs. */
export interface InvocationResult {
  readonly requestId: string
  /** The parsed JSON response, when the handler returned. */
  readonly result?: unknown
  /** Lambda's `{ errorType, errorMessage, trace }`, when the handler threw, timed out or failed to init. */
  readonly error?: LambdaErrorBody
  readonly report: InvocationReport
  /** Lines the function printed (init output included on a cold start), without START/END/REPORT. */
  readonly logs: readonly string[]
  readonly containerId: string
  readonly coldStart: boolean
}
