import type { InvocationResult } from '../invocation.ts'

/**
 * What Lambda makes of one SQS invocation: every message deleted, every message left to come back (with why),
 * or exactly the named ones left to come back.
 *
 * @example
 * const outcome: SqsBatchOutcome = { kind: 'partial', failed: new Set(['059f36b4-87a3-44ab-83d2-661975830a7d']) }
 */
export type SqsBatchOutcome =
  | { readonly kind: 'success' }
  | { readonly kind: 'failure'; readonly reason: string }
  | { readonly kind: 'partial'; readonly failed: ReadonlySet<string> }

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

function reported(failures: readonly unknown[], ids: ReadonlySet<string>): SqsBatchOutcome {
  const failed = new Set<string>()
  for (const [index, entry] of failures.entries()) {
    const where = `batchItemFailures[${index}]`
    if (!isObject(entry) || !('itemIdentifier' in entry))
      return { kind: 'failure', reason: `${where} has no itemIdentifier: the whole batch fails` }
    const id = entry.itemIdentifier
    if (typeof id !== 'string' || id.length === 0)
      return {
        kind: 'failure',
        reason: `${where}.itemIdentifier is empty or not a string: the whole batch fails`,
      }
    if (!ids.has(id))
      return {
        kind: 'failure',
        reason: `${where}.itemIdentifier ${id} is not in the batch: the whole batch fails`,
      }
    failed.add(id)
  }
  return failed.size === 0 ? { kind: 'success' } : { kind: 'partial', failed }
}

/**
 * Lambda's rules for an SQS batch. A function error fails the whole batch. Without `ReportBatchItemFailures`
 * any response deletes it. With it: no response, `null`, `{}` or an empty or null `batchItemFailures` is
 * success; a response that is not a JSON object, a `batchItemFailures` that is not a list, or an entry whose
 * `itemIdentifier` is missing, empty, null or not in the batch fails the whole batch; otherwise exactly the
 * named messages come back.
 *
 * @example
 * sqsBatchOutcome({ result: { batchItemFailures: [{ itemIdentifier: 'nope' }] } }, ['m-1'], true).kind // 'failure'
 */
export function sqsBatchOutcome(
  invocation: Pick<InvocationResult, 'error' | 'result'>,
  ids: readonly string[],
  reportBatchItemFailures: boolean,
): SqsBatchOutcome {
  const { error, result } = invocation
  if (error)
    return {
      kind: 'failure',
      reason: `function error ${error.errorType}: ${error.errorMessage}`.slice(0, 300),
    }
  if (!reportBatchItemFailures || result === undefined || result === null || result === '')
    return { kind: 'success' }
  if (!isObject(result))
    return {
      kind: 'failure',
      reason: 'the response is not a JSON object (ReportBatchItemFailures): the whole batch fails',
    }
  const failures = result.batchItemFailures
  if (failures === undefined || failures === null) return { kind: 'success' }
  if (!Array.isArray(failures))
    return { kind: 'failure', reason: 'batchItemFailures is not a list: the whole batch fails' }
  return reported(failures, new Set(ids))
}
