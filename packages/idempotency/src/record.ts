/** `IN_PROGRESS` while a handler runs under the key, `COMPLETED` once its result is stored. */
export type RecordStatus = 'IN_PROGRESS' | 'COMPLETED'

/**
 * An idempotency record as a store returns it. Times are epoch milliseconds.
 *
 * @example
 * const record: IdempotencyRecord = { status: 'COMPLETED', expiry: now + 3_600_000, inProgressExpiry: now, result: '{"ok":true}' }
 */
export interface IdempotencyRecord {
  readonly status: RecordStatus
  /** When the record stops counting (a request with the key runs again after it). */
  readonly expiry: number
  /** When an `IN_PROGRESS` record may be taken over: the claiming invocation's deadline. */
  readonly inProgressExpiry: number
  /** Hash of the validated payload, when `payloadValidation` is set. */
  readonly payloadHash?: string | undefined
  /** The handler's result as JSON; `undefined` when it returned `undefined`. */
  readonly result?: string | undefined
  /** The result was too large for the store and was not kept (DynamoDB's 400 KB item limit). */
  readonly resultTooLarge?: boolean | undefined
  /** The key format the record was written in (`KEY_FORMAT`); `undefined` for records written before 0.2 (format 1). */
  readonly keyFormat?: number | undefined
}

/** A claim: take the key unless a live record holds it. */
export interface ClaimRequest {
  readonly key: string
  /**
   * A token made for this claim alone (`crypto.randomUUID()`; no whitespace), stored with the record: only a
   * complete or release that brings it acts on the record, so an invocation that outlived its claim never touches
   * the record of the invocation that took the key over. Records written before owners have none: no token
   * matches them.
   */
  readonly owner: string
  /** The caller's clock (epoch ms); stores compare expiries with it, never with their own clock. */
  readonly now: number
  readonly inProgressExpiry: number
  readonly expiry: number
  readonly payloadHash?: string | undefined
  /** The key format to store with the record; stores keep it and return it as {@link IdempotencyRecord.keyFormat}. */
  readonly keyFormat?: number | undefined
}

/** What a claim gives: the key, or the live record that holds it. */
export type ClaimOutcome =
  | { readonly claimed: true }
  | { readonly claimed: false; readonly existing: IdempotencyRecord }

/** Completing a claimed key with the handler's result (JSON text, or `undefined`). */
export interface CompleteRequest {
  readonly key: string
  /** The token of the claim being completed ({@link ClaimRequest.owner}). */
  readonly owner: string
  readonly now: number
  readonly expiry: number
  readonly result: string | undefined
  readonly payloadHash?: string | undefined
  readonly inProgressExpiry: number
  /** The key format to store with the record (as in {@link ClaimRequest.keyFormat}). */
  readonly keyFormat?: number | undefined
}

/**
 * What a complete did. `claimLost: true` when the record under the key is no longer this claim's (another
 * invocation took the key over, or the record is gone): nothing was written. Else `resultStored: false` when
 * the store kept the record COMPLETED but could not keep the result (too large).
 */
export interface CompleteOutcome {
  readonly resultStored: boolean
  readonly claimLost: boolean
}

/** What a release did. `claimLost: true` when the record was not this claim's in-progress record: nothing was deleted. */
export interface ReleaseOutcome {
  readonly claimLost: boolean
}

/**
 * Where idempotency records live. One `claim` per invocation, one `complete` after success, one `release`
 * after failure; `complete` and `release` act only on the record the claim with the same `owner` wrote, each
 * in one atomic step. Throwing from any of them makes the caller fail closed (`IDEMPOTENCY_STORE_UNAVAILABLE`).
 *
 * @example
 * const store: IdempotencyStore = memoryStore({ maxEntries: 100 })
 * const owner = randomUUID()
 * const outcome = await store.claim({ key, owner, now, inProgressExpiry: now + 30_000, expiry: now + 3_600_000 })
 */
export interface IdempotencyStore {
  /** Atomically claims `key` when it is absent, expired, or IN_PROGRESS past its in-progress expiry. */
  claim(request: ClaimRequest): Promise<ClaimOutcome>
  /**
   * Marks the key COMPLETED with the result, if the record is still the one `request.owner` claimed; else
   * writes nothing (`claimLost`). `resultStored: false` when only the status could be kept.
   */
  complete(request: CompleteRequest): Promise<CompleteOutcome>
  /**
   * Deletes the record so a retry can run (the handler failed), if it is still the IN_PROGRESS record `owner`
   * claimed; else deletes nothing (`claimLost`).
   */
  release(key: string, owner: string): Promise<ReleaseOutcome>
}

/**
 * Whether a new claim may replace `record` at `now`: it expired, or it is IN_PROGRESS past its in-progress expiry.
 *
 * @example
 * isReplaceable({ status: 'IN_PROGRESS', expiry: 9e12, inProgressExpiry: 1_000 }, 2_000) // true
 */
export const isReplaceable = (record: IdempotencyRecord, now: number): boolean =>
  record.expiry < now || (record.status === 'IN_PROGRESS' && record.inProgressExpiry < now)
