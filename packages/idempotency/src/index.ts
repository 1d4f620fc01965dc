export { type CachedStoreOptions, cachedStore } from './cached-store.ts'
export { canonicalJson, hashValue, MAX_KEY_DEPTH } from './canonical-json.ts'
export type { Invocation, SharedOptions } from './engine.ts'
export { IdempotencyError, type IdempotencyErrorCode, isIdempotencyError } from './errors.ts'
export { type IdempotencyOptions, idempotency } from './idempotency.ts'
export {
  type IdempotentRecordHook,
  type IdempotentRecordOptions,
  idempotentRecord,
} from './idempotent-record.ts'
export { KEY_FORMAT } from './key-format.ts'
export { type MakeIdempotentOptions, makeIdempotent } from './make-idempotent.ts'
export { type MemoryStoreOptions, memoryStore } from './memory-store.ts'
export type {
  ClaimOutcome,
  ClaimRequest,
  CompleteOutcome,
  CompleteRequest,
  IdempotencyRecord,
  IdempotencyStore,
  RecordStatus,
  ReleaseOutcome,
} from './record.ts'
export { type RedisClientLike, type RedisStoreOptions, redisStore } from './redis-store.ts'
export type { Selector } from './selector.ts'
export type { IdempotencyWarningCode } from './warnings.ts'
