// The floor of the DynamoDB idempotency rows: the requests a correct idempotent handler needs, sent by hand with no
// framework, so the table shows what the SDK client and dynalite cost before any library adds its own work.
import {
  type AttributeValue,
  ConditionalCheckFailedException,
  DeleteItemCommand,
  type DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb'

/** What {@link bareIdempotent} wraps, and where it keeps its records (the same layout as both libraries'). */
export interface BareIdempotencyOptions<TEvent, TResult> {
  readonly client: DynamoDBClient
  readonly tableName: string
  /** The idempotency key of an event. */
  readonly key: (event: TEvent) => string
  /** The work done once per key; its result is stored as JSON and replayed to duplicates. */
  readonly body: (event: TEvent) => Promise<TResult>
}

const EXPIRY_MS = 60 * 60 * 1000
const names = { '#id': 'id', '#expiry': 'expiration' }

/**
 * A handler made idempotent by hand: a fresh key costs one conditional PutItem (the claim) and one UpdateItem
 * (COMPLETED with the JSON result); a duplicate's PutItem is refused, and the stored result is read from the item
 * it returns or, on tables that return none (dynalite), by one consistent GetItem. A failed body deletes the claim
 * so that a retry runs again. No payload hash, no owner token, no in-progress takeover: the fewest requests, not a
 * library.
 *
 * @example
 * const handler = bareIdempotent({ client, tableName: 'bare-idempotency', key: (o) => o.orderId, body: charge })
 * await handler({ orderId: 'o-1', amount: 1 }, context)
 */
export function bareIdempotent<TEvent, TResult>(options: BareIdempotencyOptions<TEvent, TResult>) {
  const { client, tableName, key, body } = options
  const keyOf = (id: string): Record<string, AttributeValue> => ({ id: { S: id } })

  async function storedResult(id: string, refused: ConditionalCheckFailedException): Promise<TResult> {
    const item =
      refused.Item ??
      (await client.send(new GetItemCommand({ TableName: tableName, Key: keyOf(id), ConsistentRead: true })))
        .Item
    const data = item?.data?.S
    if (item?.status?.S !== 'COMPLETED' || data === undefined) throw new Error(`${id} is already in progress`)
    return JSON.parse(data) as TResult
  }

  return async function bareIdempotentHandler(
    event: TEvent,
    context: { getRemainingTimeInMillis(): number },
  ): Promise<TResult> {
    const id = key(event)
    const now = Date.now()
    const expiry = { N: String(Math.ceil((now + EXPIRY_MS) / 1000)) }
    try {
      await client.send(
        new PutItemCommand({
          TableName: tableName,
          Item: {
            ...keyOf(id),
            status: { S: 'IN_PROGRESS' },
            expiration: expiry,
            in_progress_expiration: { N: String(now + context.getRemainingTimeInMillis()) },
          },
          ConditionExpression: 'attribute_not_exists(#id) OR #expiry < :now',
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: { ':now': { N: String(Math.floor(now / 1000)) } },
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      )
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return storedResult(id, error)
      throw error
    }
    let result: TResult
    try {
      result = await body(event)
    } catch (error) {
      await client.send(new DeleteItemCommand({ TableName: tableName, Key: keyOf(id) }))
      throw error
    }
    await client.send(
      new UpdateItemCommand({
        TableName: tableName,
        Key: keyOf(id),
        UpdateExpression: 'SET #status = :completed, #expiry = :expiry, #data = :data',
        ConditionExpression: 'attribute_exists(#id)',
        ExpressionAttributeNames: { ...names, '#status': 'status', '#data': 'data' },
        ExpressionAttributeValues: {
          ':completed': { S: 'COMPLETED' },
          ':expiry': expiry,
          ':data': { S: JSON.stringify(result) },
        },
      }),
    )
    return result
  }
}
