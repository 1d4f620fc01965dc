import { execFile } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bundle } from '../../bench/cold-start/bundle.ts'

// The examples promise that heavy dependencies load only when used. Bundled as for Lambda (esbuild, code
// splitting), what a handler reads at import must not hold them; they must still be in the bundle, lazily.
const examples = fileURLToPath(new URL('../../examples/', import.meta.url))
const XRAY = '/node_modules/aws-xray-sdk-core/'
const sdk = (client: string) => `/node_modules/@aws-sdk/client-${client}/`

let out: string
beforeAll(async () => {
  out = await mkdtemp(join(tmpdir(), 'sluice-heavy-deps-'))
})
afterAll(async () => {
  await rm(out, { recursive: true, force: true })
})

const run = promisify(execFile)
const holds = (inputs: readonly string[], marker: string) => inputs.some((input) => input.includes(marker))

describe('heavy dependencies load only when used (bundled examples)', () => {
  it.each([
    ['sqs-orders', [XRAY, sdk('dynamodb')]],
    ['http-api', [XRAY]],
    ['s3-thumbnails', [sdk('s3')]],
  ])('%s: not read at import, but bundled for when it is used', async (app, heavy) => {
    const built = await bundle(join(examples, app, 'handler.ts'), join(out, app))

    for (const marker of heavy) {
      expect(holds(built.importInputs, marker), `${marker} at import`).toBe(false)
      expect(holds(built.lazyInputs, marker), `${marker} in a lazy chunk`).toBe(true)
    }
    expect(holds(built.importInputs, '/node_modules/@aws-sdk/'), 'any AWS SDK client at import').toBe(false)
  })

  // Every envelope's module reaches @sluice/events' gunzip, and only CloudWatch Logs subscriptions decompress.
  it.each(['http-api', 'sqs-orders'])('%s: Node loads no zlib at import', async (app) => {
    const built = await bundle(join(examples, app, 'handler.ts'), join(out, `${app}-builtins`))
    const probe = `await import(${JSON.stringify(pathToFileURL(built.file).href)}); process.stdout.write(JSON.stringify(process.moduleLoadList))`
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', probe], {
      env: { PATH: process.env.PATH, AWS_REGION: 'us-east-1' },
    })
    const loaded = JSON.parse(stdout) as string[]
    expect(loaded).toContain('NativeModule fs')
    expect(loaded).not.toContain('NativeModule zlib')
  })
})

// An `import()` of an AWS SDK client package hands over its whole namespace, so a bundler keeps every command of
// the service (S3 has about a hundred) and a cold start loads them all. Whatever sluice or an example loads lazily
// comes through a module naming what it uses. Bundled as for Lambda, each handler must hold exactly the commands
// it sends, and the ones its client brings itself (S3 Express sessions, DynamoDB endpoint discovery).
const COMMAND = /\/@aws-sdk\/(client-[a-z0-9-]+)\/dist-es\/commands\/(\w+)Command\.js$/

/** `client-x: Name` for every SDK command module in a bundle, at import or lazy. */
const commandsIn = (inputs: readonly string[]): string[] =>
  [...new Set(inputs.flatMap((input) => input.match(COMMAND)?.slice(1, 3).join(': ') ?? []))].sort()

const of = (client: string, names: readonly string[]) => names.map((name) => `${client}: ${name}`)
// what each client's own module imports, whoever uses it
const S3_CLIENT = of('client-s3', ['CreateSession'])
const DYNAMODB_CLIENT = of('client-dynamodb', ['DescribeEndpoints'])
const STORE = of('client-dynamodb', ['DeleteItem', 'GetItem', 'PutItem', 'UpdateItem'])

describe('a bundled handler holds only the AWS SDK commands it sends', () => {
  it.each([
    [
      'examples/s3-thumbnails',
      's3-thumbnails/handler.ts',
      [...S3_CLIENT, ...of('client-s3', ['GetObject', 'PutObject'])],
    ],
    ['examples/sqs-orders (dynamoDbStore)', 'sqs-orders/handler.ts', [...DYNAMODB_CLIENT, ...STORE]],
    [
      '@sluice/idempotency/dynamodb',
      '../test/fixtures/examples/dynamodb-store.ts',
      [...DYNAMODB_CLIENT, ...STORE],
    ],
    [
      '@sluice/init ssmParameters and secret',
      '../test/fixtures/examples/init-sdk.ts',
      [...of('client-secrets-manager', ['GetSecretValue']), ...of('client-ssm', ['GetParameters'])],
    ],
  ])('%s', async (_name, entry, commands) => {
    const built = await bundle(join(examples, entry), join(out, String(Math.random()).slice(2)))
    expect(commandsIn([...built.importInputs, ...built.lazyInputs])).toEqual([...commands].sort())
  })
})
