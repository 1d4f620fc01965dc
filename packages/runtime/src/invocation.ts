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
  /**
   * Tenant isolation mode: sent as `Lambda-Runtime-Aws-Tenant-Id` (the handler's `context.tenantId`). A container
   * only ever serves the tenant of its first invocation.
   */
  readonly tenantId?: string
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
  /**
   * Invocations in flight in its container when this one started, itself included: always 1 unless Managed
   * Instances mode (`maxConcurrency`). The largest value per container is that container's peak concurrency.
   */
  readonly concurrency: number
  /** The tenant it ran for, when it was given one. */
  readonly tenantId?: string
}
