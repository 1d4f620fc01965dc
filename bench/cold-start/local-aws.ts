import { createReadStream } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb'
import dynalite from 'dynalite'

/** AWS services on 127.0.0.1 for first invocations, as the environment variables the SDK reads. */
export interface LocalAws extends AsyncDisposable {
  /** `AWS_ENDPOINT_URL_*` for what was started, and fake credentials (so the SDK never asks IMDS). */
  readonly env: Readonly<Record<string, string>>
}

const buckets = fileURLToPath(new URL('../../examples/s3-thumbnails/fixtures/buckets/', import.meta.url))
const credentials = { AWS_ACCESS_KEY_ID: 'bench', AWS_SECRET_ACCESS_KEY: 'bench' }

const listen = async (server: Server) => {
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

/** GETs read the s3-thumbnails fixtures (`/<bucket>/<key>`, path style); PUTs are read and dropped. */
const s3LookAlike = () =>
  createServer((request, response) => {
    const path = decodeURIComponent(request.url?.split('?')[0] ?? '/')
    if (request.method === 'PUT') {
      request.resume().once('end', () => response.setHeader('etag', '"1"').end())
      return
    }
    const file = resolve(buckets, `.${path}`)
    const missing = () =>
      response
        .writeHead(404, { 'content-type': 'application/xml' })
        .end('<Error><Code>NoSuchKey</Code></Error>')
    if (!file.startsWith(buckets.endsWith(sep) ? buckets : buckets + sep)) return missing()
    createReadStream(file)
      .once('error', missing)
      .once('open', () => response.writeHead(200))
      .pipe(response)
  })

/**
 * Starts what `needs` lists: dynalite with an `idempotency` table (key `id`, the default of both libraries) and
 * an S3 look-alike serving the s3-thumbnails fixtures. Both run in the bench's process, so a subject's first
 * invocation pays the same round trips whichever library it is.
 *
 * @example
 * await using aws = await localAws(['dynamodb'])
 * await firstResponse(bundle, { env: aws.env, event })
 */
export async function localAws(needs: ReadonlyArray<'dynamodb' | 's3'>): Promise<LocalAws> {
  const servers: Server[] = []
  const env: Record<string, string> = { ...credentials }
  if (needs.includes('dynamodb')) {
    const server = dynalite({ createTableMs: 0 })
    servers.push(server)
    env.AWS_ENDPOINT_URL_DYNAMODB = await listen(server)
    const client = new DynamoDBClient({
      endpoint: env.AWS_ENDPOINT_URL_DYNAMODB,
      region: 'us-east-1',
      credentials: { accessKeyId: 'bench', secretAccessKey: 'bench' },
    })
    await client.send(
      new CreateTableCommand({
        TableName: 'idempotency',
        AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
        BillingMode: 'PAY_PER_REQUEST',
      }),
    )
    client.destroy()
  }
  if (needs.includes('s3')) {
    const server = s3LookAlike()
    servers.push(server)
    env.AWS_ENDPOINT_URL_S3 = await listen(server)
  }
  return {
    env,
    async [Symbol.asyncDispose]() {
      for (const server of servers) {
        server.closeAllConnections()
        await new Promise((done) => server.close(done))
      }
    },
  }
}
