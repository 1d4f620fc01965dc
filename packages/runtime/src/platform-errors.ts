import { type LambdaErrorShape, TIMEOUT_ERROR_TYPE } from '@sluice/testing'
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

/**
 * The error Lambda reports when INIT (module scope) outlives the init timeout.
 *
 * @example
 * initTimeoutError(10_000).errorMessage // 'INIT phase timed out after 10.00 seconds'
 */
export function initTimeoutError(initTimeoutMs: number): LambdaErrorBody {
  return {
    errorType: TIMEOUT_ERROR_TYPE,
    errorMessage: `INIT phase timed out after ${(initTimeoutMs / 1000).toFixed(2)} seconds`,
    trace: [],
  }
}
