import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { type InvocationResult, startRuntime } from '@sluice/runtime'
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest'
import {
  boundedDynamoDb,
  createTable,
  startDynalite,
  startRedis,
  type TestServer,
} from '../../packages/idempotency/test-support/servers.ts'
import { type Rendezvous, startRendezvous } from '../support/rendezvous.ts'
import { warmWorkers } from '../support/workers.ts'

// End to end on Lambda Managed Instances: one container of the local runtime, the real aws-lambda-ric with two
// worker threads (each with its own store client), eight invocations of one key in flight at once. The runner
// is held at a gate of the test's rendezvous until every other invocation has been answered, so the overlap is
// certain. DynamoDB (dynalite) and Redis hold the claim for every worker; the memory store only within one.

const cwd = fileURLToPath(new URL('../..', import.meta.url))
const IN_FLIGHT = 8
const WORKERS = 2

let dynalite: TestServer
let redis: TestServer
let meeting: Rendezvous
let dir: string

beforeAll(async () => {
  ;[dynalite, redis, meeting] = await Promise.all([startDynalite(), startRedis(), startRendezvous()])
  const client = boundedDynamoDb(dynalite.port)
  await createTable(client, 'idempotency')
  client.destroy()
  dir = mkdtempSync(join(tmpdir(), 'sluice-idempotency-mi-'))
})
afterAll(async () => {
  await Promise.all([dynalite?.stop(), redis?.stop(), meeting?.stop()])
  if (dir) rmSync(dir, { recursive: true, force: true })
})

const start = (store: string) =>
  startRuntime({
    handler: 'test/fixtures/idempotency/managed-instances.ts#handler',
    cwd,
    timeoutMs: 20_000,
    concurrency: IN_FLIGHT,
    maxConcurrency: IN_FLIGHT,
    workers: WORKERS,
    env: {
      STORE: store,
      DYNAMODB_PORT: String(dynalite.port),
      REDIS_PORT: String(redis.port),
      RENDEZVOUS_URL: meeting.url,
      RUNS_FILE: join(dir, `runs-${store}`),
    },
  })

/** The handler's runs for `orderId`, as `{ threadId, requestId }`. */
const runsOf = (store: string, orderId: string) =>
  readFileSync(join(dir, `runs-${store}`), 'utf8')
    .split('\n')
    .filter((line) => line.startsWith(`${orderId} `))
    .map((line) => {
      const [, threadId, requestId] = line.split(' ')
      return { threadId: Number(threadId), requestId }
    })

/** The worker an invocation was served by, from the line the fixture logs before idempotency decides. */
const workerOf = (result: InvocationResult) =>
  Number(result.logs.map((line) => /served by worker (\d+)/.exec(line)?.[1]).find(Boolean))

type Served = { orderId: string; threadId: number; requestId: string }

describe.each([
  ['dynamodb', 'DynamoDB (dynalite)', 1],
  ['redis', 'Redis', 1],
  ['memory', 'memory', WORKERS],
])(
  '@sluice/idempotency under Managed Instances (real RIC, 2 workers): the %s store',
  (store, _label, runners) => {
    test(`eight concurrent same-key invocations over two workers run the handler ${runners === 1 ? 'exactly once' : 'once per worker'}; other keys are not blocked`, async () => {
      await using runtime = await start(store)
      const threads = await warmWorkers(runtime, WORKERS)
      const key = `order-${store}`

      let settled = 0
      const pending = Array.from({ length: IN_FLIGHT }, () =>
        runtime.invoke({ orderId: key, hold: true }).finally(() => (settled += 1)),
      )
      // Every invocation has been decided: refused (settled) or running (held at the gate).
      await vi.waitFor(() => expect(settled + meeting.count(`running-${key}`)).toBe(IN_FLIGHT), {
        timeout: 15_000,
        interval: 20,
      })
      expect(meeting.count(`running-${key}`)).toBe(runners)

      // Other keys run to the end while K's runner is held, each with its own result.
      const others = await Promise.all(
        ['a', 'b'].map((suffix) => runtime.invoke({ orderId: `${key}-${suffix}` })),
      )
      expect(others.map((other) => (other.result as Served).orderId)).toEqual([`${key}-a`, `${key}-b`])
      expect(settled).toBe(IN_FLIGHT - runners)

      meeting.open(`release-${key}`)
      const results = await Promise.all(pending)
      expect(new Set(results.map(workerOf))).toEqual(new Set(threads)) // the eight spanned both workers
      const ran = results.filter((result) => result.error === undefined)
      const refused = results.filter((result) => result.error !== undefined)
      expect(ran).toHaveLength(runners)
      expect(refused.map((result) => result.error?.errorType)).toEqual(
        Array(IN_FLIGHT - runners).fill('IdempotencyError'),
      )
      for (const result of refused) expect(result.error?.errorMessage).toContain('still being processed')
      const runs = runsOf(store, key)
      expect(runs.map((run) => run.requestId).sort()).toEqual(ran.map((result) => result.requestId).sort())
      // One run per worker at most: within a worker every store holds the claim.
      expect(new Set(runs.map((run) => run.threadId)).size).toBe(runs.length)

      // A later delivery is answered with a stored result of this key, whichever worker takes it.
      const later = await runtime.invoke({ orderId: key })
      expect(ran.map((result) => result.result)).toContainEqual(later.result)
      expect(runsOf(store, key)).toHaveLength(runners)
    })
  },
)
