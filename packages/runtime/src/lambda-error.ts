import { type LambdaErrorShape, lambdaTimeoutError } from '@sluice/testing'
/** The error shape Lambda returns for a failed invocation: what the RIC posts and what callers receive. */
export type LambdaErrorBody = LambdaErrorShape

/**
 * Reads an error body posted by a runtime, tolerating runtimes that post less than the documented shape.
 *
 * @example
 * parseErrorBody('{"errorType":"TypeError","errorMessage":"boom","trace":[]}', undefined).errorType // 'TypeError'
 */
export function parseErrorBody(text: string, headerType: string | undefined): LambdaErrorBody {
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    parsed = undefined
  }
  const type = field(parsed, 'errorType')
  const message = field(parsed, 'errorMessage')
  const trace = field(parsed, 'trace')
  return {
    errorType: typeof type === 'string' ? type : (headerType ?? 'Unknown'),
    errorMessage: typeof message === 'string' ? message : text,
    trace: Array.isArray(trace) ? trace.map(String) : [],
  }
}

function field(value: unknown, name: 'errorType' | 'errorMessage' | 'trace'): unknown {
  return typeof value === 'object' && value !== null && name in value ? Reflect.get(value, name) : undefined
}

/**
 * The error Lambda returns when the function hits its timeout (the shape @sluice/testing's `invoke` gives too).
 *
 * @example
 * timeoutError('r-1', 1000).errorMessage // 'RequestId: r-1 Error: Task timed out after 1.00 seconds'
 */
export function timeoutError(requestId: string, timeoutMs: number): LambdaErrorBody {
  return lambdaTimeoutError(timeoutMs, requestId)
}

/**
 * The error Lambda returns when the runtime process exits without answering.
 *
 * @example
 * exitError('r-1', 1, null).errorMessage // 'RequestId: r-1 Error: Runtime exited with error: exit status 1'
 */
export function exitError(requestId: string, code: number | null, signal: string | null): LambdaErrorBody {
  const how = signal === null ? `exit status ${code}` : `signal: ${signal === 'SIGKILL' ? 'killed' : signal}`
  return {
    errorType: 'Runtime.ExitError',
    errorMessage: `RequestId: ${requestId} Error: Runtime exited with error: ${how}`,
    trace: [],
  }
}
