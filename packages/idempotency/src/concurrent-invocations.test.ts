import type { DynamoDBClient } from '@aws-sdk/client-dynamodb'
import { lambda } from '@sluice/core'
import { createContext } from '@sluice/testing'
import type { Redis } from 'ioredis'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import {
  boundedDynamoDb,
  boundedRedis,
  createTable,
  startDynalite,
  startRedis,
  type TestServer,
} from '../test-support/servers.ts'
import { dynamoDbStore } from './dynamodb-store.ts'
import { idempotency } from './idempotency.ts'
import { memoryStore } from './memory-store.ts'
import type { IdempotencyStore } from './record.ts'
import { redisStore } from './redis-store.ts'

// Lambda Managed Instances run many invocations at once in one worker thread, and several workers per
// environment, each with its own module scope: its own store object and client. Here one process plays both: a
// "worker" is a handler with a store of its own, the stores of different workers share only the server. Runs are
// held on promises the test settles, so every overlap below is certain.

type Order = { orderId: string }
type Served = { orderId: string; requestId: string; worker: string }

let dynalite: TestServer
let redis: TestServer
const clients: Array<DynamoDBClient | Redis> = []

beforeAll(async () => {
  ;[dynalite, redis] = await Promise.all([startDynalite(), startRedis()])
  const admin = boundedDynamoDb(dynalite.port)
  clients.push(admin)
  await createTable(admin, 'idempotency')
})
afterAll(async () => {
  for (const client of clients.splice(0)) 'destroy' in client ? client.destroy() : client.disconnect()
  await Promise.all([dynalite?.stop(), redis?.stop()])
})

/** Each call makes the store of a new worker: a new store object on a new client, as a worker's INIT would. */
const stores: Record<string, () => IdempotencyStore> = {
  memory: () => memoryStore(),
  dynamodb: () => {
    const client = boundedDynamoDb(dynalite.port)
    clients.push(client)
    return dynamoDbStore({ client, tableName: 'idempotency' })
  },
  redis: () => {
    const client = boundedRedis(redis.port)
    clients.push(client)
    return redisStore({ client, prefix: 'concurrent:' })
  },
}

let nextOrder = 0
const freshKey = (name: string) => `${name}-${process.pid}-${nextOrder++}`

/** A run of one key in one worker that the test lets start and finish: `started` resolves as it begins. */
type Hold = { started: PromiseWithResolvers<void>; release: PromiseWithResolvers<void> }
const holdRun = (): Hold => ({ started: Promise.withResolvers(), release: Promise.withResolvers() })

/** A worker: its own store; each run is counted in `runs`, and held while `holds` has `<worker>/<key>`. */
function worker(name: string, store: IdempotencyStore, runs: string[], holds: Map<string, Hold>) {
  return lambda<Order>()
    .use(idempotency<Order>({ key: (order) => order.orderId, store }))
    .handler(async (order, context): Promise<Served> => {
      runs.push(order.orderId)
      const hold = holds.get(`${name}/${order.orderId}`)
      hold?.started.resolve()
      await hold?.release.promise
      return { orderId: order.orderId, requestId: context.awsRequestId, worker: name }
    })
}

const invokeAs = (handler: ReturnType<typeof worker>, order: Order, requestId: string) =>
  handler(order, createContext({ awsRequestId: requestId, functionName: 'orders', timeoutMs: 60_000 }))

/** Settles `promises` into `{ ok, value | error }`; `settled()` counts those done so far. */
function track<T>(promises: Array<Promise<T>>) {
  let settled = 0
  const outcomes = promises.map((promise) =>
    promise.then(
      (value) => ({ ok: true as const, value }),
      (error: { code?: string }) => ({ ok: false as const, error }),
    ),
  )
  for (const outcome of outcomes) void outcome.finally(() => (settled += 1))
  return { outcomes, settled: () => settled }
}

describe.each(Object.keys(stores))('%s store with invocations in flight at once', (name) => {
  const newStore = stores[name] as () => IdempotencyStore

  test('in one worker: while one invocation runs key K, the others for K are refused IN_PROGRESS; other keys run meanwhile', async () => {
    const runs: string[] = []
    const holds = new Map<string, Hold>()
    const handler = worker('a', newStore(), runs, holds)
    const key = freshKey(name)
    const hold = holdRun()
    holds.set(`a/${key}`, hold)

    const runner = track([invokeAs(handler, { orderId: key }, 'runner')])
    await hold.started.promise // the runner claimed K and is running
    const duplicates = Array.from({ length: 5 }, (_, i) => invokeAs(handler, { orderId: key }, `dup-${i}`))
    const refused = await Promise.allSettled(duplicates)
    expect(refused.map((outcome) => outcome.status === 'rejected' && outcome.reason.code)).toEqual(
      Array(5).fill('IDEMPOTENCY_IN_PROGRESS'),
    )

    // Other keys are not blocked by K: they run to the end while K's runner is still held.
    const others = [freshKey(name), freshKey(name)]
    const done = await Promise.all(others.map((orderId) => invokeAs(handler, { orderId }, `for-${orderId}`)))
    expect(done.map((served) => [served.orderId, served.requestId])).toEqual(
      others.map((orderId) => [orderId, `for-${orderId}`]),
    )
    expect(runner.settled()).toBe(0)

    hold.release.resolve()
    const [ran] = await Promise.all(runner.outcomes)
    expect(ran).toEqual({ ok: true, value: { orderId: key, requestId: 'runner', worker: 'a' } })
    // Later deliveries get their own key's stored result, never another key's.
    expect(await invokeAs(handler, { orderId: key }, 'later')).toEqual(ran?.ok && ran.value)
    expect(await invokeAs(handler, { orderId: others[0] as string }, 'later-other')).toEqual(done[0])
    expect(runs.sort()).toEqual([key, ...others].sort())
  })

  if (name === 'memory') {
    test('across workers: another worker does not see the claim, so each worker runs K once (the documented limit)', async () => {
      const runs: string[] = []
      const holds = new Map<string, Hold>()
      const [a, b] = [worker('a', newStore(), runs, holds), worker('b', newStore(), runs, holds)]
      const key = freshKey(name)
      const [inA, inB] = [holdRun(), holdRun()]
      holds.set(`a/${key}`, inA).set(`b/${key}`, inB)

      const ranInA = invokeAs(a, { orderId: key }, 'in-a')
      await inA.started.promise
      const fromB = track(Array.from({ length: 4 }, (_, i) => invokeAs(b, { orderId: key }, `in-b-${i}`)))
      await inB.started.promise // b's memory holds no claim of a's: K runs a second time
      inA.release.resolve()
      inB.release.resolve()
      await ranInA
      const outcomes = await Promise.all(fromB.outcomes)
      // Within b the claim still holds: one of its four concurrent invocations ran, three were refused.
      expect(outcomes.filter((outcome) => outcome.ok)).toHaveLength(1)
      expect(outcomes.flatMap((outcome) => (outcome.ok ? [] : [outcome.error.code]))).toEqual(
        Array(3).fill('IDEMPOTENCY_IN_PROGRESS'),
      )
      expect(runs).toEqual([key, key])
    })
    return
  }

  test('across workers: a claim held in one worker refuses K in another; that worker then gets the stored result', async () => {
    const runs: string[] = []
    const holds = new Map<string, Hold>()
    const [a, b] = [worker('a', newStore(), runs, holds), worker('b', newStore(), runs, holds)]
    const key = freshKey(name)
    const inA = holdRun()
    holds.set(`a/${key}`, inA)

    const ranInA = track([invokeAs(a, { orderId: key }, 'in-a')])
    await inA.started.promise
    const fromB = await Promise.all(
      track(Array.from({ length: 4 }, (_, i) => invokeAs(b, { orderId: key }, `in-b-${i}`))).outcomes,
    )
    expect(fromB.map((outcome) => !outcome.ok && outcome.error.code)).toEqual(
      Array(4).fill('IDEMPOTENCY_IN_PROGRESS'),
    )
    expect(ranInA.settled()).toBe(0)

    inA.release.resolve()
    const [ran] = await Promise.all(ranInA.outcomes)
    expect(ran?.ok && ran.value).toEqual({ orderId: key, requestId: 'in-a', worker: 'a' })
    expect(await invokeAs(b, { orderId: key }, 'b-later')).toEqual(ran?.ok && ran.value)
    expect(runs).toEqual([key])
  })
})
