// Powertools Idempotency ships DynamoDB and cache (Redis/Valkey) layers, no in-memory one; its docs show how to
// bring your own by extending BasePersistenceLayer. This is that, with the DynamoDB layer's rules (a claim
// succeeds when the key is absent, expired, or in progress past its in-progress expiry), so the bench can give
// Powertools the same in-container store sluice's memoryStore() is.
import {
  IdempotencyItemAlreadyExistsError,
  IdempotencyItemNotFoundError,
} from '@aws-lambda-powertools/idempotency'
import { BasePersistenceLayer, IdempotencyRecord } from '@aws-lambda-powertools/idempotency/persistence'

/**
 * An in-process Powertools persistence layer: records in a Map, lost with the container.
 *
 * @example
 * const persistenceStore = new MemoryPersistenceLayer()
 * const processRecord = makeIdempotent(fn, { persistenceStore, config })
 */
export class MemoryPersistenceLayer extends BasePersistenceLayer {
  readonly #records = new Map<string, IdempotencyRecord>()

  protected async _getRecord(idempotencyKey: string): Promise<IdempotencyRecord> {
    const record = this.#records.get(idempotencyKey)
    if (record === undefined) throw new IdempotencyItemNotFoundError()
    return record
  }

  protected async _putRecord(record: IdempotencyRecord): Promise<void> {
    const existing = this.#records.get(record.idempotencyKey)
    const staleClaim =
      existing?.getStatus() === 'INPROGRESS' &&
      existing.inProgressExpiryTimestamp !== undefined &&
      existing.inProgressExpiryTimestamp < Date.now()
    if (existing !== undefined && !existing.isExpired() && !staleClaim) {
      throw new IdempotencyItemAlreadyExistsError(
        `Failed to put record for already existing idempotency key: ${record.idempotencyKey}`,
        existing,
      )
    }
    this.#records.set(record.idempotencyKey, this.#copy(record))
  }

  protected async _updateRecord(record: IdempotencyRecord): Promise<void> {
    this.#records.set(record.idempotencyKey, this.#copy(record))
  }

  protected async _deleteRecord(record: IdempotencyRecord): Promise<void> {
    this.#records.delete(record.idempotencyKey)
  }

  /** A copy, as a store that serializes would keep: the caller's record object changes after it is saved. */
  #copy(record: IdempotencyRecord): IdempotencyRecord {
    return new IdempotencyRecord({
      idempotencyKey: record.idempotencyKey,
      status: record.getStatus(),
      expiryTimestamp: record.expiryTimestamp,
      inProgressExpiryTimestamp: record.inProgressExpiryTimestamp,
      responseData: record.responseData,
      payloadHash: record.payloadHash,
    })
  }
}
