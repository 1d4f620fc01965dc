import type { AttributeValue, DynamoDBClient } from '@aws-sdk/client-dynamodb'
import {
  completedItemBytes,
  type DynamoDbAttributes,
  decodeItem,
  defaultAttributes,
  toSeconds,
} from './dynamodb-item.ts'
import { IdempotencyError } from './errors.ts'
import { checkNumber } from './options-check.ts'
import { type ClaimOutcome, type IdempotencyStore, isReplaceable } from './record.ts'

/**
 * Options of {@link dynamoDbStore}.
 *
 * @example
 * const options: DynamoDbStoreOptions = { client, tableName: 'idempotency', keyAttr: 'pk' }
 */
export interface DynamoDbStoreOptions {
  /** A client you made (region, timeouts): see the README for bounded timeouts. */
  readonly client: DynamoDBClient
  readonly tableName: string
  /** Partition key attribute (type S). Default `'id'`. */
  readonly keyAttr?: string
  /** TTL attribute (epoch seconds). Default `'expiration'`. */
  readonly expiryAttr?: string
  /** Other attribute names; defaults `status`, `in_progress_expiration`, `validation`, `data`, `result_too_large`, `key_format`. */
  readonly attributes?: Partial<Omit<DynamoDbAttributes, 'key' | 'expiry'>>
  /** Item size limit checked before completing. Default 400 KB (DynamoDB's). */
  readonly maxItemBytes?: number
}

type Sdk = typeof import('@aws-sdk/client-dynamodb')

// A claim that loses the race to a release (or to an expiry) between its PutItem and the fallback read tries again.
const CLAIM_ATTEMPTS = 3

/**
 * Records in a DynamoDB table: one conditional PutItem claims a key (it succeeds when the key is absent,
 * expired, or IN_PROGRESS past its in-progress expiry, and returns the holding record when it fails, so a
 * duplicate costs one call), one UpdateItem completes it, one DeleteItem releases it. Tables that do not return
 * the old item on a failed condition (DynamoDB look-alikes) cost one GetItem more on a duplicate.
 *
 * @example
 * const store = dynamoDbStore({ client: new DynamoDBClient({ maxAttempts: 2 }), tableName: 'idempotency' })
 */
export function dynamoDbStore(options: DynamoDbStoreOptions): IdempotencyStore {
  const { client, tableName } = options
  const names: DynamoDbAttributes = {
    ...defaultAttributes,
    ...options.attributes,
    key: options.keyAttr ?? defaultAttributes.key,
    expiry: options.expiryAttr ?? defaultAttributes.expiry,
  }
  const maxItemBytes = checkNumber('maxItemBytes', options.maxItemBytes ?? 400 * 1024)
  // Loaded once when the store is made (INIT), so the first request does not wait for it.
  const sdk: Promise<Sdk> = import('@aws-sdk/client-dynamodb')
  sdk.catch(() => {})
  const keyOf = (key: string): Record<string, AttributeValue> => ({ [names.key]: { S: key } })

  async function claimOnce(
    request: Parameters<IdempotencyStore['claim']>[0],
  ): Promise<ClaimOutcome | undefined> {
    const { PutItemCommand } = await sdk
    const item: Record<string, AttributeValue> = {
      ...keyOf(request.key),
      [names.status]: { S: 'IN_PROGRESS' },
      [names.expiry]: { N: String(toSeconds(request.expiry)) },
      [names.inProgressExpiry]: { N: String(request.inProgressExpiry) },
    }
    if (request.payloadHash !== undefined) item[names.payloadHash] = { S: request.payloadHash }
    // Written with the claim; the complete's UpdateItem keeps it.
    if (request.keyFormat !== undefined) item[names.keyFormat] = { N: String(request.keyFormat) }
    try {
      await client.send(
        new PutItemCommand({
          TableName: tableName,
          Item: item,
          ConditionExpression:
            'attribute_not_exists(#id) OR #expiry < :now OR (#status = :inprogress AND #ipExpiry < :nowMs)',
          ExpressionAttributeNames: {
            '#id': names.key,
            '#expiry': names.expiry,
            '#status': names.status,
            '#ipExpiry': names.inProgressExpiry,
          },
          ExpressionAttributeValues: {
            ':now': { N: String(Math.floor(request.now / 1000)) },
            ':nowMs': { N: String(request.now) },
            ':inprogress': { S: 'IN_PROGRESS' },
          },
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      )
      return { claimed: true }
    } catch (error) {
      if ((error as { name?: unknown }).name !== 'ConditionalCheckFailedException') throw error
      const returned = (error as { Item?: Record<string, AttributeValue> }).Item
      const existing = decodeItem(returned ?? (await readItem(request.key)), names)
      // Gone or expired since the PutItem was refused: claim again.
      if (existing === undefined || isReplaceable(existing, request.now)) return undefined
      return { claimed: false, existing }
    }
  }

  async function readItem(key: string) {
    const { GetItemCommand } = await sdk
    const read = await client.send(
      new GetItemCommand({ TableName: tableName, Key: keyOf(key), ConsistentRead: true }),
    )
    return read.Item
  }

  return {
    claim: async function dynamoDbClaim(request) {
      for (let attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
        const outcome = await claimOnce(request)
        if (outcome) return outcome
      }
      throw new IdempotencyError(`The record for ${request.key} kept changing while it was claimed`, {
        code: 'IDEMPOTENCY_IN_PROGRESS',
      })
    },
    complete: async function dynamoDbComplete({ key, result, expiry, payloadHash }) {
      const { UpdateItemCommand } = await sdk
      const resultStored = completedItemBytes(key, result, payloadHash, names) <= maxItemBytes
      const kept = resultStored && result !== undefined
      const values: Record<string, AttributeValue> = {
        ':completed': { S: 'COMPLETED' },
        ':expiry': { N: String(toSeconds(expiry)) },
      }
      if (kept) values[':data'] = { S: result }
      if (!resultStored) values[':tooLarge'] = { BOOL: true }
      const set = ['#status = :completed', '#expiry = :expiry']
      if (kept) set.push('#data = :data')
      if (!resultStored) set.push('#tooLarge = :tooLarge')
      await client.send(
        new UpdateItemCommand({
          TableName: tableName,
          Key: keyOf(key),
          UpdateExpression: `SET ${set.join(', ')}${kept ? '' : ' REMOVE #data'}`,
          ExpressionAttributeNames: {
            '#status': names.status,
            '#expiry': names.expiry,
            '#data': names.result,
            ...(resultStored ? {} : { '#tooLarge': names.resultTooLarge }),
          },
          ExpressionAttributeValues: values,
        }),
      )
      return { resultStored }
    },
    release: async function dynamoDbRelease(key) {
      const { DeleteItemCommand } = await sdk
      await client.send(new DeleteItemCommand({ TableName: tableName, Key: keyOf(key) }))
    },
  }
}
