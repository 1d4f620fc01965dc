import type { InvocationResult } from '../invocation.ts'
import { compareSequence } from './stream-shards.ts'

/** What Lambda makes of one stream invocation. */
export type StreamOutcome =
  | { readonly kind: 'success' }
  /** The function threw, timed out or failed to init: the batch failed (and may be bisected). */
  | { readonly kind: 'function-error'; readonly errorType: string }
  /** A `batchItemFailures` Lambda cannot use (empty or null itemIdentifier, not in the batch…): the batch failed. */
  | { readonly kind: 'invalid-response'; readonly reason: string }
  /** Checkpoint: the records before index `from` are done; Lambda retries from it. */
  | { readonly kind: 'partial'; readonly from: number; readonly sequenceNumber: string }

/**
 * Applies Lambda's rules for a stream batch's response. Without `ReportBatchItemFailures` any return is
 * success. With it: no response, a null or empty list is success; an item with an empty, null or unknown
 * `itemIdentifier` fails the whole batch; otherwise Lambda checkpoints at the lowest sequence number reported
 * and retries every record from it.
 *
 * @example
 * readStreamResponse(result, ['101', '102', '103'], true) // { kind: 'partial', from: 1, sequenceNumber: '102' }
 */
export function readStreamResponse(
  result: InvocationResult,
  sequenceNumbers: readonly string[],
  reportBatchItemFailures: boolean,
): StreamOutcome {
  if (result.error) return { kind: 'function-error', errorType: result.error.errorType }
  const response = result.result
  if (!reportBatchItemFailures || typeof response !== 'object' || response === null)
    return { kind: 'success' }
  const failures: unknown = Reflect.get(response, 'batchItemFailures')
  if (failures === undefined || failures === null) return { kind: 'success' }
  if (!Array.isArray(failures)) return { kind: 'invalid-response', reason: 'batchItemFailures is not a list' }
  let lowest: string | undefined
  for (const failure of failures) {
    const id: unknown =
      typeof failure === 'object' && failure !== null ? Reflect.get(failure, 'itemIdentifier') : undefined
    if (typeof id !== 'string' || id === '')
      return { kind: 'invalid-response', reason: `itemIdentifier ${JSON.stringify(id) ?? 'missing'}` }
    if (!sequenceNumbers.includes(id))
      return { kind: 'invalid-response', reason: `itemIdentifier ${id} is not in the batch` }
    if (lowest === undefined || compareSequence(id, lowest) < 0) lowest = id
  }
  if (lowest === undefined) return { kind: 'success' }
  return { kind: 'partial', from: sequenceNumbers.indexOf(lowest), sequenceNumber: lowest }
}
