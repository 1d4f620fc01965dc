import { type DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb'
import { lambda } from '@sluice/core'
import { createContext } from '@sluice/testing'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest'
import { storeAcceptance } from '../test-support/acceptance.ts'
import { anyValueProperty, forms, keyPairProperty } from '../test-support/key-oracle.ts'
import { ownershipSuite } from '../test-support/ownership.ts'
import {
  boundedDynamoDb,
  countDynamoDbCalls,
  createTable,
  startDynamoDbLocal,
  type TestServer,
} from '../test-support/servers.ts'
import { dynamoDbStore } from './dynamodb-store.ts'
import { idempotency } from './idempotency.ts'

const tableName = 'idempotency'
let server: TestServer
let client: DynamoDBClient
let counter: { readonly calls: string[] }

beforeAll(async () => {
  server = await startDynamoDbLocal()
  client = boundedDynamoDb(server.port)
  await createTable(client, tableName)
  counter = countDynamoDbCalls(client)
})

afterAll(async () => {
  client.destroy()
  await server.stop()
})

describe('dynamoDbStore on DynamoDB Local', () => {
  const now = Date.UTC(2025, 0, 1)
  const claim = { owner: 'owner-1', now, inProgressExpiry: now + 5000, expiry: now + 3_600_000 }

  test('a duplicate is one conditional PutItem: the refused write returns the holding record', async () => {
    const store = dynamoDbStore({ client, tableName })
    await store.claim({ key: 'dup', ...claim, payloadHash: 'h' })
    await store.complete({ key: 'dup', ...claim, payloadHash: 'h', result: '{"ok":true}' })
    const start = counter.calls.length
    expect(await store.claim({ key: 'dup', ...claim })).toEqual({
      claimed: false,
      existing: {
        status: 'COMPLETED',
        expiry: now + 3_600_000,
        inProgressExpiry: now + 5000,
        payloadHash: 'h',
        result: '{"ok":true}',
        resultTooLarge: undefined,
      },
    })
    expect(counter.calls.slice(start)).toEqual(['PutItemCommand'])
  })

  test('writes the TTL attribute in epoch seconds and the in-progress expiry in ms', async () => {
    const store = dynamoDbStore({ client, tableName })
    await store.claim({ key: 'ttl', ...claim })
    const { Item } = await client.send(
      new GetItemCommand({ TableName: tableName, Key: { id: { S: 'ttl' } } }),
    )
    expect(Item).toMatchObject({
      status: { S: 'IN_PROGRESS' },
      expiration: { N: String((now + 3_600_000) / 1000) },
      in_progress_expiration: { N: String(now + 5000) },
    })
  })

  test('a result over 400 KB is returned once, not stored, and a duplicate fails with IDEMPOTENCY_RESULT_TOO_LARGE', async () => {
    const warning = vi.fn()
    process.on('warning', warning)
    let runs = 0
    const handler = lambda<{ id: string }>()
      .use(
        idempotency<{ id: string }>({
          key: (event) => event.id,
          store: dynamoDbStore({ client, tableName }),
        }),
      )
      .handler(async () => ({ run: ++runs, blob: 'x'.repeat(450 * 1024) }))
    const event = { id: `large-${Date.now()}` }
    const first = await handler(event, createContext())
    expect(first).toMatchObject({ run: 1 })
    await expect(handler(event, createContext())).rejects.toMatchObject({
      code: 'IDEMPOTENCY_RESULT_TOO_LARGE',
    })
    expect(runs).toBe(1)
    await vi.waitFor(() => expect(warning).toHaveBeenCalled())
    expect(warning.mock.calls[0]?.[0]).toMatchObject({ code: 'IDEMPOTENCY_RESULT_TOO_LARGE' })
    process.off('warning', warning)
  })

  test('any other client failure is IDEMPOTENCY_STORE_UNAVAILABLE with the cause kept (missing table)', async () => {
    const handler = lambda<{ id: string }>()
      .use(idempotency({ key: ['id'], store: dynamoDbStore({ client, tableName: 'no-such-table' }) }))
      .handler(async () => 'ran')
    const error = await handler({ id: 'x' }, createContext()).catch((caught: unknown) => caught)
    expect(error).toMatchObject({ code: 'IDEMPOTENCY_STORE_UNAVAILABLE' })
    expect((error as Error).cause).toMatchObject({ name: 'ResourceNotFoundException' })
  })
})

describe.each(Object.entries(forms))('%s on DynamoDB Local under hostile keys', (_name, form) => {
  test('two keys share a result exactly when they mean the same key (property, 50 runs)', async () => {
    await fc.assert(
      keyPairProperty(form, () => dynamoDbStore({ client, tableName })),
      { numRuns: 50 },
    )
  })

  test('any value as a key gets a result or an IdempotencyError (property, 50 runs)', async () => {
    await fc.assert(
      anyValueProperty(form, () => dynamoDbStore({ client, tableName })),
      { numRuns: 50 },
    )
  })
})

describe('dynamoDbStore on DynamoDB Local: only the claim’s owner completes or releases', () => {
  ownershipSuite(() => dynamoDbStore({ client, tableName }), 30)
})

// The kill test in here stops the shared server, so this block stays last.
describe('dynamoDbStore on DynamoDB Local: acceptance', () => {
  storeAcceptance({
    store: () => dynamoDbStore({ client, tableName }),
    calls: () => counter.calls.length,
    freezable: () => {
      const impatient = boundedDynamoDb(server.port, 500)
      return {
        store: dynamoDbStore({ client: impatient, tableName }),
        freeze: async () => server.freeze?.(),
        thaw: () => {
          server.thaw?.()
          impatient.destroy()
        },
      }
    },
    // The kill test comes last in the file and kills the shared server: a second JVM would cost seconds.
    killable: async () => ({ store: dynamoDbStore({ client, tableName }), kill: () => server.stop() }),
  })
})
