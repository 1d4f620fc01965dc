import type { InvocationResult } from '../invocation.ts'
import { isLogged } from './logged.ts'

/**
 * What the CLI shows as an invocation's response: the result, or Lambda's error body without its `trace` when the
 * trace is empty or the function's logs already hold it (the RIC logs every error it reports with its stack), so a
 * stack is printed once.
 *
 * @example
 * shownResponse(result) // { errorType: 'TypeError', errorMessage: 'the order has no id' }
 */
export function shownResponse(result: InvocationResult): unknown {
  const error = result.error
  if (error === undefined) return result.result ?? null
  const frame = error.trace.find((line) => line.trimStart().startsWith('at '))?.trim()
  const logged = frame !== undefined && isLogged(result.logs, frame)
  if (error.trace.length > 0 && !logged) return error
  const { trace: _shown, ...rest } = error
  return rest
}

/**
 * Responses that are the same JSON, with how many invocations gave them.
 *
 * @example
 * const response: DistinctResponse = { text: '{"ok":true}', count: 3, failed: false }
 */
export interface DistinctResponse {
  readonly text: string
  readonly count: number
  /** Whether these invocations failed (the text is Lambda's error body). */
  readonly failed: boolean
}

/**
 * Groups the responses of a run by their JSON text, in the order they first came.
 *
 * @example
 * distinctResponses(results) // [{ text: '{"batchItemFailures":[]}', count: 40, failed: false }]
 */
export function distinctResponses(results: readonly InvocationResult[]): DistinctResponse[] {
  const groups = new Map<string, DistinctResponse>()
  for (const result of results) {
    const text = JSON.stringify(shownResponse(result)) ?? 'null'
    const seen = groups.get(text)
    groups.set(text, { text, count: (seen?.count ?? 0) + 1, failed: result.error !== undefined })
  }
  return [...groups.values()]
}
