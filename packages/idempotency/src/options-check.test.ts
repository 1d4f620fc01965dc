import { DynamoDBClient } from '@aws-sdk/client-dynamodb'
import { describe, expect, test } from 'vitest'
import { countingStore } from '../test-support/counting-store.ts'
import { cachedStore } from './cached-store.ts'
import { dynamoDbStore } from './dynamodb-store.ts'
import { idempotency } from './idempotency.ts'
import { idempotentRecord } from './idempotent-record.ts'
import { makeIdempotent } from './make-idempotent.ts'
import { memoryStore } from './memory-store.ts'

const client = new DynamoDBClient({
  region: 'us-east-1',
  credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
})

// Every numeric option of the package, with a constructor that takes it. JavaScript callers can pass anything.
const numeric: Array<[string, (value: number) => unknown]> = [
  ['maxEntries', (value) => memoryStore({ maxEntries: value })],
  ['maxEntries', (value) => cachedStore(memoryStore(), { maxEntries: value })],
  ['ttlMs', (value) => cachedStore(memoryStore(), { ttlMs: value })],
  ['maxItemBytes', (value) => dynamoDbStore({ client, tableName: 't', maxItemBytes: value })],
  ['expiresAfterSeconds', (value) => idempotency({ key: ['id'], expiresAfterSeconds: value })],
  [
    'expiresAfterSeconds',
    (value) => makeIdempotent(async () => 1, { key: ['id'], expiresAfterSeconds: value }),
  ],
  ['inProgressTimeoutMs', (value) => idempotentRecord({ key: ['id'], inProgressTimeoutMs: value })],
  ['inProgressTimeoutMs', (value) => idempotency({ key: ['id'], inProgressTimeoutMs: value })],
]
const bad = [
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  -1,
  0,
  1.5,
  2 ** 53,
  '10' as unknown as number,
]

describe('option checks', () => {
  test.each(numeric)(
    '%s refuses NaN, ±Infinity, negatives, 0, fractions, huge values and strings',
    (option, make) => {
      for (const value of bad) {
        expect(() => make(value), `${option}: ${String(value)}`).toThrow(
          expect.objectContaining({
            name: 'IdempotencyError',
            code: 'IDEMPOTENCY_INVALID_OPTION',
            path: [option],
          }),
        )
      }
      expect(() => make(1)).not.toThrow()
    },
  )

  test('the message names the option, what it must be and the value given', () => {
    expect(() => memoryStore({ maxEntries: Number.NaN })).toThrow(
      'Invalid option `maxEntries`: pass a whole number ≥ 1 and ≤ 16777216, got NaN',
    )
  })

  test.each([
    ['key', { key: 'orderId' }],
    ['key', { key: [] }],
    ['key', { key: [''] }],
    ['key', { key: [1] }],
    ['payloadValidation', { key: ['id'], payloadValidation: 'amount' }],
    ['store', { key: ['id'], store: {} }],
    ['onMissingKey', { key: ['id'], onMissingKey: 'ignore' }],
    ['now', { key: ['id'], now: 5 }],
    ['functionName', { key: ['id'], functionName: '' }],
    ['qualifier', { key: ['id'], qualifier: 7 }],
    ['readPreviousKeyFormat', { key: ['id'], readPreviousKeyFormat: 'yes' }],
  ])('refuses a bad %s when the form is made', (option, options) => {
    const forms = [
      () => idempotency(options as Parameters<typeof idempotency>[0]),
      () => idempotentRecord(options as Parameters<typeof idempotentRecord>[0]),
      () => makeIdempotent(async () => 1, options as Parameters<typeof makeIdempotent>[1]),
    ]
    for (const make of forms) {
      expect(make).toThrow(expect.objectContaining({ code: 'IDEMPOTENCY_INVALID_OPTION', path: [option] }))
    }
  })

  test('a clock that gives no finite number fails the call with IDEMPOTENCY_INVALID_OPTION, before any store call', async () => {
    const counted = countingStore(memoryStore())
    for (const now of [() => Number.NaN, () => Number.POSITIVE_INFINITY, () => '1' as unknown as number]) {
      const once = idempotentRecord<{ id: string }>({ key: ['id'], store: counted.store, now })
      await expect(once({ id: 'a' }, () => 'ran')).rejects.toMatchObject({
        code: 'IDEMPOTENCY_INVALID_OPTION',
        path: ['now'],
      })
    }
    expect(counted.calls).toEqual([])
  })

  test('a remaining time that is not a finite number falls back to inProgressTimeoutMs; a negative one to now', async () => {
    const requests: number[] = []
    const inner = memoryStore()
    const store = {
      ...inner,
      claim: (request: Parameters<typeof inner.claim>[0]) => {
        requests.push(request.inProgressExpiry - request.now)
        return inner.claim(request)
      },
    }
    const once = idempotentRecord<{ id: string }>({ key: ['id'], store, inProgressTimeoutMs: 5000 })
    await once({ id: 'a' }, () => 1, { getRemainingTimeInMillis: () => Number.NaN })
    await once({ id: 'b' }, () => 1, { getRemainingTimeInMillis: () => -50 })
    expect(requests).toEqual([5000, 0])
  })
})
