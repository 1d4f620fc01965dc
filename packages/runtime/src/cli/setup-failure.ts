import type { HandlerSpec } from '../handler-spec.ts'
import type { InvocationResult } from '../invocation.ts'

const SETUP_ERRORS = new Set([
  'Runtime.HandlerNotFound',
  'Runtime.ImportModuleError',
  'Runtime.UserCodeSyntaxError',
  'Runtime.MalformedHandlerName',
])

/**
 * When an invocation failed because the handler cannot be loaded at all (missing export, not a function,
 * syntax error, missing module), the one line the CLI prints instead of logs; otherwise undefined.
 *
 * @example
 * setupFailure(result, spec) // 'handler.ts has no export "nope": export it, or name another export after #'
 */
export function setupFailure(
  result: InvocationResult,
  spec: HandlerSpec,
  shownPath: string,
): string | undefined {
  const error = result.error
  if (error === undefined || result.report.errorPhase !== 'init' || !SETUP_ERRORS.has(error.errorType)) {
    return undefined
  }
  const name = spec.exportName
  if (error.errorType === 'Runtime.HandlerNotFound' && error.errorMessage.endsWith('is not a function')) {
    return `export "${name}" of ${shownPath} is not a function: export the handler itself, e.g. export const ${name} = async (event) => …`
  }
  if (error.errorType === 'Runtime.HandlerNotFound') {
    return `${shownPath} has no export "${name}": export it (export const ${name} = …), or name another export after '#'`
  }
  const firstLine = error.errorMessage.split('\n')[0] ?? ''
  if (error.errorType === 'Runtime.UserCodeSyntaxError') {
    return `${shownPath} does not parse (${firstLine}): fix the syntax error`
  }
  return `${shownPath} cannot be loaded (${error.errorType}: ${firstLine}): check its imports are installed`
}
