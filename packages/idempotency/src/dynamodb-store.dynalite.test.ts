import { type DynamoDBClient, GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb'
import { lambda } from '@sluice/core'
import { createContext } from '@sluice/testing'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { ownershipSuite } from '../test-support/ownership.ts'
import {
  boundedDynamoDb,
  countDynamoDbCalls,
  createTable,
  startDynalite,
  type TestServer,
} from '../test-support/servers.ts'
import { dynamoDbStore } from './dynamodb-store.ts'
import { idempotency } from './idempotency.ts'

// dynalite does not return the old item with a failed condition; the store must read it instead.
let server: TestServer
let client: DynamoDBClient
let counter: { readonly calls: string[] }

beforeAll(async () => {
  server = await startDynalite()
  client = boundedDynamoDb(server.port)
  await createTable(client, 'idempotency')
  counter = countDynamoDbCalls(client)
})

afterAll(async () => {
  client.destroy()
  await server.stop()
})

describe('dynamoDbStore on dynalite: only the claim’s owner completes or releases', () => {
  ownershipSuite(() => dynamoDbStore({ client, tableName: 'idempotency' }), 50)
})

describe('dynamoDbStore on dynalite: items written before owners', () => {
  test('an item with no owner token is owned by nobody: no complete or release touches it', async () => {
    const store = dynamoDbStore({ client, tableName: 'idempotency' })
    const now = Date.UTC(2025, 0, 1)
    const Item = {
      id: { S: 'legacy' },
      status: { S: 'IN_PROGRESS' },
      expiration: { N: String(now / 1000 + 3600) },
      in_progress_expiration: { N: String(now + 60_000) },
      key_format: { N: '2' },
    }
    await client.send(new PutItemCommand({ TableName: 'idempotency', Item }))
    const times = { now, inProgressExpiry: now + 60_000, expiry: now + 3_600_000 }
    const complete = { key: 'legacy', owner: 'any', ...times, result: '1' }
    expect(await store.complete(complete)).toMatchObject({ claimLost: true })
    expect(await store.release('legacy', 'any')).toEqual({ claimLost: true })
    const { Item: after } = await client.send(
      new GetItemCommand({ TableName: 'idempotency', Key: { id: { S: 'legacy' } }, ConsistentRead: true }),
    )
    expect(after).toEqual(Item)
  })
})

describe('dynamoDbStore on a table that returns no item with a failed condition (dynalite)', () => {
  test('the failed PutItem carries no Item here', async () => {
    const put = (status: string) =>
      client.send(
        new PutItemCommand({
          TableName: 'idempotency',
          Item: { id: { S: 'probe' }, status: { S: status } },
          ConditionExpression: 'attribute_not_exists(id)',
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      )
    await put('first')
    const error = await put('second').catch((caught: unknown) => caught)
    expect(error).toMatchObject({ name: 'ConditionalCheckFailedException' })
    expect((error as { Item?: unknown }).Item).toBeUndefined()
  })

  test('a duplicate falls back to one consistent GetItem and still gets the stored result', async () => {
    let runs = 0
    const handler = lambda<{ id: string }>()
      .use(idempotency({ key: ['id'], store: dynamoDbStore({ client, tableName: 'idempotency' }) }))
      .handler(async (event) => ({ id: event.id, run: ++runs }))
    const event = { id: 'order-1' }
    const start = counter.calls.length
    expect(await handler(event, createContext())).toEqual({ id: 'order-1', run: 1 })
    expect(counter.calls.slice(start)).toEqual(['PutItemCommand', 'UpdateItemCommand'])
    const duplicate = counter.calls.length
    expect(await handler(event, createContext())).toEqual({ id: 'order-1', run: 1 })
    expect(counter.calls.slice(duplicate)).toEqual(['PutItemCommand', 'GetItemCommand'])
    expect(runs).toBe(1)
  })
})
