import { IdempotencyError, storeUnavailable } from './errors.ts'
import { KEY_FORMAT } from './key-format.ts'
import type { IdempotencyRecord } from './record.ts'

/**
 * The payload hash of a call, in the current key format and (computed only when a record needs it) in format 1.
 *
 * @example
 * const payload: PayloadHashes = { current: hashText(text), formatOne: () => undefined }
 */
export interface PayloadHashes {
  readonly current: string | undefined
  readonly formatOne: () => string | undefined
}

/**
 * Whether the record was written for the same payload. A record of format 1 (or of a store that does not keep
 * `keyFormat`) may hold either format's hash, so both count.
 *
 * @example
 * samePayload(record, { current: 'abc', formatOne: () => undefined })
 */
export function samePayload(record: IdempotencyRecord, payload: PayloadHashes): boolean {
  if (payload.current === undefined || record.payloadHash === undefined) return true
  if (record.payloadHash === payload.current) return true
  return (record.keyFormat ?? 1) < KEY_FORMAT && record.payloadHash === payload.formatOne()
}

/**
 * Builds `IDEMPOTENCY_RESULT_TOO_LARGE`.
 *
 * @example
 * throw resultTooLarge()
 */
export function resultTooLarge(): IdempotencyError {
  return new IdempotencyError(
    'The result was too large for the idempotency store and was not kept, so a duplicate cannot be answered: ' +
      'return a smaller result (e.g. a reference to an S3 object)',
    { code: 'IDEMPOTENCY_RESULT_TOO_LARGE' },
  )
}

/**
 * What a call gets when a live record holds its key: the stored result (parsed), or the error that says why not
 * (`IDEMPOTENCY_PAYLOAD_MISMATCH`, `IDEMPOTENCY_IN_PROGRESS`, `IDEMPOTENCY_RESULT_TOO_LARGE`).
 *
 * @example
 * const result = answerFrom(outcome.existing, payload)
 */
export function answerFrom(
  existing: IdempotencyRecord,
  payload: PayloadHashes,
): { readonly result: unknown } {
  if (!samePayload(existing, payload)) {
    throw new IdempotencyError(
      'This idempotency key was already used with a different payload: send a new key for a new request',
      { code: 'IDEMPOTENCY_PAYLOAD_MISMATCH' },
    )
  }
  if (existing.status === 'IN_PROGRESS') {
    throw new IdempotencyError(
      'A request with this idempotency key is still being processed: retry after it finishes',
      { code: 'IDEMPOTENCY_IN_PROGRESS' },
    )
  }
  if (existing.resultTooLarge) throw resultTooLarge()
  if (existing.result === undefined) return { result: undefined }
  try {
    return { result: JSON.parse(existing.result) }
  } catch (cause) {
    // Only this package writes results, as JSON: anything else means the store's data was damaged.
    throw storeUnavailable('read (the stored result is not JSON)', cause)
  }
}
