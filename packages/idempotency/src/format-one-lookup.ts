import { answerFrom, type PayloadHashes } from './answer.ts'
import { storeUnavailable } from './errors.ts'
import { KEY_FORMAT } from './key-format.ts'
import type { ClaimRequest, IdempotencyStore } from './record.ts'

/**
 * After a call claimed its key, looks for a live record under the key format 1 gave the same input (written
 * before an upgrade): `undefined` when there is none (the call runs), the stored result when it completed (the
 * call does not run, and the answer is copied under the current key so later duplicates cost one store call),
 * or an error (in progress, payload mismatch, too large) after releasing the current key. Costs a claim and a
 * release under the old key when nothing is there; only keys whose two formats differ come here.
 *
 * @example
 * const found = await lookUpFormatOne(store, request, `orders#${hashText(formatOneText)}`, payload)
 */
export async function lookUpFormatOne(
  store: IdempotencyStore,
  request: ClaimRequest,
  formatOneKey: string,
  payload: PayloadHashes,
): Promise<{ readonly result: unknown } | undefined> {
  const releaseCurrent = () => store.release(request.key, request.owner).catch(() => {})
  let outcome: Awaited<ReturnType<IdempotencyStore['claim']>>
  try {
    outcome = await store.claim({ ...request, key: formatOneKey })
  } catch (cause) {
    await releaseCurrent()
    throw storeUnavailable('claim', cause)
  }
  if (outcome.claimed) {
    // Nothing lived there: drop the placeholder. If that fails, it is format 2, which this lookup ignores.
    await store.release(formatOneKey, request.owner).catch(() => {})
    return undefined
  }
  const { existing } = outcome
  if ((existing.keyFormat ?? 1) !== 1) return undefined
  let answer: { readonly result: unknown }
  try {
    answer = answerFrom(existing, payload)
  } catch (error) {
    await releaseCurrent()
    throw error
  }
  const copy = {
    key: request.key,
    owner: request.owner,
    now: request.now,
    expiry: existing.expiry,
    inProgressExpiry: request.inProgressExpiry,
    payloadHash: request.payloadHash,
    result: existing.result,
    keyFormat: KEY_FORMAT,
  }
  await store.complete(copy).catch(releaseCurrent)
  return answer
}
