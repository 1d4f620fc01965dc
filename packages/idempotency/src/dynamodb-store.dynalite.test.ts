import { type DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb'
import { lambda } from '@sluice/core'
import { createContext } from '@sluice/testing'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
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
