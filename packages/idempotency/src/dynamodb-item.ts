import type { AttributeValue } from '@aws-sdk/client-dynamodb'
import type { IdempotencyRecord } from './record.ts'

/**
 * Attribute names of the idempotency table.
 *
 * @example
 * const names: DynamoDbAttributes = { ...defaultAttributes, key: 'pk' }
 */
export interface DynamoDbAttributes {
  readonly key: string
  readonly status: string
  readonly expiry: string
  readonly inProgressExpiry: string
  readonly payloadHash: string
  readonly result: string
  readonly resultTooLarge: string
  /** The key format the record was written in (N); absent on items written before 0.2 (format 1). */
  readonly keyFormat: string
  /** The owner token of the claim that wrote the item (S); absent on items written before owners (owned by nobody). */
  readonly owner: string
}

/**
 * The attribute names used unless options rename them (Powertools' names, so tables can be shared in shape).
 *
 * @example
 * defaultAttributes.expiry // 'expiration', the TTL attribute
 */
export const defaultAttributes: DynamoDbAttributes = {
  key: 'id',
  status: 'status',
  expiry: 'expiration',
  inProgressExpiry: 'in_progress_expiration',
  payloadHash: 'validation',
  result: 'data',
  resultTooLarge: 'result_too_large',
  keyFormat: 'key_format',
  owner: 'owner_token',
}

/**
 * Epoch seconds for the TTL attribute, rounded up so a record never expires before its time.
 *
 * @example
 * toSeconds(1_700_000_000_001) // 1_700_000_001
 */
export const toSeconds = (ms: number): number => Math.ceil(ms / 1000)

type Item = Record<string, AttributeValue>

/**
 * The record a DynamoDB item holds, or `undefined` when the item is not one (or absent).
 *
 * @example
 * decodeItem({ id: { S: 'k' }, status: { S: 'COMPLETED' }, expiration: { N: '1700000000' }, … }, defaultAttributes)
 */
export function decodeItem(item: Item | undefined, names: DynamoDbAttributes): IdempotencyRecord | undefined {
  const status = item?.[names.status]?.S
  if (item === undefined || (status !== 'IN_PROGRESS' && status !== 'COMPLETED')) return undefined
  return {
    status,
    expiry: Number(item[names.expiry]?.N ?? 0) * 1000,
    inProgressExpiry: Number(item[names.inProgressExpiry]?.N ?? 0),
    payloadHash: item[names.payloadHash]?.S,
    result: item[names.result]?.S,
    resultTooLarge: item[names.resultTooLarge]?.BOOL,
    keyFormat: item[names.keyFormat]?.N === undefined ? undefined : Number(item[names.keyFormat]?.N),
  }
}

// DynamoDB counts a number as about one byte per two digits plus one; 21 bytes bounds any 38-digit number.
const NUMBER_BYTES = 21

/**
 * Size in bytes of the completed item as DynamoDB counts it (attribute names + values, UTF-8), rounded up for
 * numbers: compared with the 400 KB item limit before the UpdateItem is sent.
 *
 * @example
 * completedItemBytes({ key: 'orders#abc', owner, result: '{"ok":true}', payloadHash: 'hash' }, defaultAttributes) // ≈ 200
 */
export function completedItemBytes(
  item: {
    readonly key: string
    readonly owner: string
    readonly result: string | undefined
    readonly payloadHash: string | undefined
  },
  names: DynamoDbAttributes,
): number {
  const text = (s: string) => Buffer.byteLength(s, 'utf8')
  const { key, owner, result, payloadHash } = item
  let bytes = text(names.key) + text(key) + text(names.status) + text('IN_PROGRESS')
  bytes += text(names.expiry) + text(names.inProgressExpiry) + text(names.keyFormat) + 3 * NUMBER_BYTES
  bytes += text(names.owner) + text(owner)
  if (payloadHash !== undefined) bytes += text(names.payloadHash) + text(payloadHash)
  if (result !== undefined) bytes += text(names.result) + text(result)
  return bytes
}
