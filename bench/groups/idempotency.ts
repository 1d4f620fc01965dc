import { spawn } from 'node:child_process'
import { connect, createServer } from 'node:net'
import { IdempotencyConfig } from '@aws-lambda-powertools/idempotency'
import { CachePersistenceLayer } from '@aws-lambda-powertools/idempotency/cache'
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb'
import { makeHandlerIdempotent } from '@aws-lambda-powertools/idempotency/middleware'
import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb'
import middy from '@middy/core'
import { createClient } from '@redis/client'
import { lambda } from '@sluice/core'
import { cachedStore, type IdempotencyStore, idempotency, memoryStore, redisStore } from '@sluice/idempotency'
import { dynamoDbStore } from '@sluice/idempotency/dynamodb'
import dynalite from 'dynalite'
import { Redis } from 'ioredis'
import { benchContext } from '../context.ts'
import { bareIdempotent } from '../idempotency/bare.ts'
import type { BenchGroup, Subject, Target } from '../types.ts'

type Order = { orderId: string; amount: number }
const context = benchContext({ functionName: 'bench-orders', timeoutMs: 900_000 })
const body = async (order: Order) => ({ charged: order.amount })
const bare = async (order: Order) => body(order)
const orderId = (order: Order) => order.orderId

// One dynalite for both libraries, in this process, on a free port; its server does not keep the bench alive, and
// its idle connections close 2 s after the last request. Not less: Node's http.Agent drops a kept-alive socket 1 s
// before the server's advertised `Keep-Alive: timeout=<s>`, so at 1 s every request opened a new TCP connection
// (on both libraries alike), which an SDK client in Lambda, reusing its connection to DynamoDB, does not do.
const server = dynalite({ createTableMs: 0 })
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
server.unref()
server.keepAliveTimeout = 2000
const port = (server.address() as { port: number }).port
const dynamo = new DynamoDBClient({
  endpoint: `http://127.0.0.1:${port}`,
  region: 'us-east-1',
  credentials: { accessKeyId: 'bench', secretAccessKey: 'bench' },
})
for (const TableName of ['sluice-idempotency', 'powertools-idempotency', 'bare-idempotency']) {
  await dynamo.send(
    new CreateTableCommand({
      TableName,
      AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
      BillingMode: 'PAY_PER_REQUEST',
    }),
  )
}

/** A sluice handler and a Powertools (middy) handler doing the same charge under idempotency. */
const sluiceHandler = (store: IdempotencyStore) =>
  lambda<Order>()
    .use(idempotency<Order>({ key: (order) => order.orderId, store }))
    .handler(body)
const powertoolsHandler = (options: Parameters<typeof makeHandlerIdempotent>[0]) =>
  middy<Order>().use(makeHandlerIdempotent(options)).handler(body)

type Handler = (order: Order, ctx: typeof context) => Promise<unknown>

/**
 * 'fresh key' (the success path: claim + complete) and 'duplicate' (answered from the store) for one store;
 * with an anchor that has the feature (Powertools), sluice's target is 1.2× it on both.
 */
async function pair(store: string, subjects: Array<[Subject, Handler]>, note: string): Promise<BenchGroup[]> {
  const targets: Target[] = subjects.some(([subject]) => subject === 'powertools')
    ? [{ kind: 'ratio', against: 'powertools', atLeast: 1.2 }]
    : []
  const fresh = subjects.map(([subject, handler]) => {
    let n = 0
    return { subject, fn: () => handler({ orderId: `${subject}-${process.pid}-${n++}`, amount: 1 }, context) }
  })
  const duplicate = await Promise.all(
    subjects.map(async ([subject, handler]) => {
      const order = { orderId: `dup-${subject}-${process.pid}`, amount: 1 }
      await handler(order, context)
      return { subject, fn: () => handler(order, context) }
    }),
  )
  // A network store answers in 0.1–3 ms a call: a 60 ms slice holds a few dozen calls, and one garbage collection
  // of the server's (dynalite runs in this process) swung a round by half. Five times longer slices hold enough.
  const sliceScale = store === 'memory' ? undefined : 5
  return [
    { name: `idempotency: per invocation (${store}), fresh key`, note, targets, sliceScale, subjects: fresh },
    {
      name: `idempotency: per invocation (${store}), duplicate`,
      note,
      targets,
      sliceScale,
      subjects: duplicate,
    },
  ]
}

// Powertools binds a persistence layer to one configuration: one layer per group.
const powertoolsDynamo = () =>
  new DynamoDBPersistenceLayer({ tableName: 'powertools-idempotency', awsSdkV3Client: dynamo })
const config = (useLocalCache: boolean) =>
  new IdempotencyConfig({ eventKeyJmesPath: 'orderId', useLocalCache, maxLocalCacheSize: 1000 })
const sluiceDynamo = dynamoDbStore({ client: dynamo, tableName: 'sluice-idempotency' })

const memory = await pair(
  'memory',
  [
    ['bare', bare],
    ['sluice', sluiceHandler(memoryStore({ maxEntries: 10_000 }))],
  ],
  'bare = the handler with no idempotency; Powertools has no in-memory store',
)
/** The same two paths side by side: a replay (duplicate) should cost no more than the first run it replays. */
const replay = (): BenchGroup => {
  const [fresh, duplicate] = memory.map((group) =>
    'subjects' in group ? group.subjects.find(({ subject }) => subject === 'sluice') : undefined,
  )
  if (fresh === undefined || duplicate === undefined) throw new Error('the memory store groups lost sluice')
  return {
    name: 'idempotency: memory store, replay',
    note: 'sluice = a duplicate answered from the memory store; first run = a fresh key (claim, handler, complete)',
    targets: [{ kind: 'ratio', against: 'first run', atLeast: 1 }],
    subjects: [
      { subject: 'first run', fn: fresh.fn },
      { subject: 'sluice', fn: duplicate.fn },
    ],
  }
}

const groups: BenchGroup[] = [
  ...memory,
  replay(),
  ...(await pair(
    'dynamodb on dynalite',
    [
      ['bare', bareIdempotent({ client: dynamo, tableName: 'bare-idempotency', key: orderId, body })],
      ['powertools', powertoolsHandler({ persistenceStore: powertoolsDynamo(), config: config(false) })],
      ['sluice', sluiceHandler(sluiceDynamo)],
    ],
    "same in-process dynalite on a kept-alive connection (the SDK client's and dynalite's work for the same two requests per call on every side dominates: the rows mostly count requests; dynalite returns no item on a refused claim, so a duplicate costs each a GetItem more); Powertools DynamoDBPersistenceLayer on middy vs sluice dynamoDbStore; bare = no framework, the same requests sent by hand through the same client (conditional PutItem + UpdateItem on a fresh key, refused PutItem + GetItem on a duplicate; idempotency/bare.ts): the floor the SDK client and dynalite leave",
  )),
  ...(await pair(
    'dynamodb on dynalite + local cache',
    [
      ['powertools', powertoolsHandler({ persistenceStore: powertoolsDynamo(), config: config(true) })],
      ['sluice', sluiceHandler(cachedStore(sluiceDynamo, { maxEntries: 1000 }))],
    ],
    'Powertools useLocalCache vs sluice cachedStore (duplicates answered in-container)',
  )),
]

/** A port nobody listens on right now. */
async function freePort(): Promise<number> {
  const probe = createServer()
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
  const { port: free } = probe.address() as { port: number }
  await new Promise<void>((resolve) => probe.close(() => resolve()))
  return free
}

const pong = (at: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect(at, '127.0.0.1')
    socket.once('connect', () => socket.write('PING\r\n'))
    socket.once('data', (data) => {
      socket.destroy()
      resolve(data.toString().startsWith('+PONG'))
    })
    socket.once('error', () => resolve(false))
  })

/** Starts redis-server on a free port (killed when the bench exits); undefined when it is not installed. */
async function startRedis(): Promise<number | undefined> {
  const at = await freePort()
  const child = spawn(
    'redis-server',
    ['--port', String(at), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    {
      stdio: 'ignore',
    },
  )
  let gone = false
  child.once('error', () => {
    gone = true
  })
  child.unref()
  process.once('exit', () => child.kill('SIGKILL'))
  for (let i = 0; i < 100 && !gone; i++) {
    if (await pong(at)) return at
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  return undefined
}

/**
 * Keeps the Redis sockets referenced only while calls are being made: the bench exits by running out of work, so
 * idle clients must not hold it open, and a call in flight must. One `refresh()` per call, on both subjects.
 */
function whileBusy(sockets: { ref(): void; unref(): void }) {
  let idle = false
  const timer = setTimeout(function goIdle() {
    idle = true
    sockets.unref()
  }, 1000)
  timer.unref()
  return function busy() {
    if (idle) {
      idle = false
      sockets.ref()
    }
    timer.refresh()
  }
}

const redisPort = await startRedis()
if (redisPort !== undefined) {
  const ioredis = new Redis({ port: redisPort, host: '127.0.0.1' })
  await new Promise((resolve) => ioredis.once('ready', resolve))
  const nodeRedis = createClient({ url: `redis://127.0.0.1:${redisPort}` })
  await nodeRedis.connect()
  const busy = whileBusy({
    ref() {
      ioredis.stream.ref()
      nodeRedis.ref()
    },
    unref() {
      ioredis.stream.unref()
      nodeRedis.unref()
    },
  })
  const powertools = powertoolsHandler({
    persistenceStore: new CachePersistenceLayer({ client: nodeRedis }),
    config: config(false),
  })
  const sluice = sluiceHandler(redisStore({ client: ioredis }))
  groups.push(
    ...(await pair(
      'redis',
      [
        [
          'powertools',
          (order, ctx) => {
            busy()
            return powertools(order, ctx)
          },
        ],
        [
          'sluice',
          (order, ctx) => {
            busy()
            return sluice(order, ctx)
          },
        ],
      ],
      'same redis-server; Powertools CachePersistenceLayer (@redis/client) vs sluice redisStore (ioredis)',
    )),
  )
}

/** Per-invocation cost of idempotency: a fresh key (claim + complete) and a duplicate, store by store. */
export { groups }
