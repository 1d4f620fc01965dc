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
  /**
   * Other attribute names; defaults `status`, `in_progress_expiration`, `validation`, `data`, `result_too_large`,
   * `key_format`, `owner_token`.
   */
  readonly attributes?: Partial<Omit<DynamoDbAttributes, 'key' | 'expiry'>>
  /** Item size limit checked before completing. Default 400 KB (DynamoDB's). */
  readonly maxItemBytes?: number
}

type Sdk = typeof import('@aws-sdk/client-dynamodb')

const LOST = { resultStored: false, claimLost: true } as const

const isConditionFailure = (error: unknown): boolean =>
  (error as { name?: unknown } | undefined)?.name === 'ConditionalCheckFailedException'

// A claim that loses the race to a release (or to an expiry) between its PutItem and the fallback read tries again.
const CLAIM_ATTEMPTS = 3

/**
 * Records in a DynamoDB table: one conditional PutItem claims a key (it succeeds when the key is absent,
 * expired, or IN_PROGRESS past its in-progress expiry, and returns the holding record when it fails, so a
 * duplicate costs one call), one UpdateItem completes it, one DeleteItem releases it; both are conditional on the
 * claim's owner token, so a run that outlived its claim never touches the item of the run that took the key over.
 * Tables that do not return the old item on a failed condition (DynamoDB look-alikes) cost one GetItem more on a
 * duplicate.
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
    // Written with the claim; the complete's UpdateItem keeps them.
    if (request.keyFormat !== undefined) item[names.keyFormat] = { N: String(request.keyFormat) }
    item[names.owner] = { S: request.owner }
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
      if (!isConditionFailure(error)) throw error
      const returned = (error as { Item?: Record<string, AttributeValue> }).Item
      const existing = decodeItem(returned ?? (await readItem(request.key)), names)
      // Gone or expired since the PutItem was refused: claim again.
      if (existing === undefined || isReplaceable(existing, request.now)) return undefined
      return { claimed: false, existing }
    }
  }

  /** Sends a write conditional on the claim's owner: `false` when the condition failed (the claim was lost). */
  async function unlessLost(send: () => Promise<unknown>): Promise<boolean> {
    try {
      await send()
      return true
    } catch (error) {
      if (isConditionFailure(error)) return false
      throw error
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
    complete: async function dynamoDbComplete({ key, owner, result, expiry, payloadHash }) {
      const { UpdateItemCommand } = await sdk
      const resultStored = completedItemBytes({ key, owner, result, payloadHash }, names) <= maxItemBytes
      const kept = resultStored && result !== undefined
      const values: Record<string, AttributeValue> = {
        ':completed': { S: 'COMPLETED' },
        ':expiry': { N: String(toSeconds(expiry)) },
        ':owner': { S: owner },
      }
      if (kept) values[':data'] = { S: result }
      if (!resultStored) values[':tooLarge'] = { BOOL: true }
      const set = ['#status = :completed', '#expiry = :expiry']
      if (kept) set.push('#data = :data')
      if (!resultStored) set.push('#tooLarge = :tooLarge')
      const written = await unlessLost(() =>
        client.send(
          new UpdateItemCommand({
            TableName: tableName,
            Key: keyOf(key),
            UpdateExpression: `SET ${set.join(', ')}${kept ? '' : ' REMOVE #data'}`,
            // Fails on another owner's item, on an item written before owners, and on no item (no upsert).
            ConditionExpression: '#owner = :owner',
            ExpressionAttributeNames: {
              '#status': names.status,
              '#expiry': names.expiry,
              '#data': names.result,
              '#owner': names.owner,
              ...(resultStored ? {} : { '#tooLarge': names.resultTooLarge }),
            },
            ExpressionAttributeValues: values,
          }),
        ),
      )
      return written ? { resultStored, claimLost: false } : LOST
    },
    release: async function dynamoDbRelease(key, owner) {
      const { DeleteItemCommand } = await sdk
      const deleted = await unlessLost(() =>
        client.send(
          new DeleteItemCommand({
            TableName: tableName,
            Key: keyOf(key),
            ConditionExpression: '#owner = :owner AND #status = :inprogress',
            ExpressionAttributeNames: { '#owner': names.owner, '#status': names.status },
            ExpressionAttributeValues: { ':owner': { S: owner }, ':inprogress': { S: 'IN_PROGRESS' } },
          }),
        ),
      )
      return { claimLost: !deleted }
    },
  }
}
