import { randomUUID } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/** One request the fake service received. */
export interface RecordedRequest {
  readonly target: string
  readonly body: Record<string, unknown>
}

/** A secret version as GetSecretValue returns it. */
export type SecretVersion = { SecretString: string } | { SecretBinary: string }

/** A service error the next request(s) answer with. */
export interface ServiceFault {
  readonly status: number
  readonly type: string
  readonly message: string
}

/**
 * A local stand-in for SSM GetParameters and Secrets Manager GetSecretValue speaking their JSON protocol
 * (awsJson1_1: `POST /`, `X-Amz-Target`, JSON in and out), so tests run the real SDK v3 clients against it.
 */
export interface FakeAws {
  /** `http://127.0.0.1:<port>`, for the clients' `endpoint`. */
  readonly endpoint: string
  readonly requests: RecordedRequest[]
  /** SSM parameters by name. */
  readonly parameters: Map<string, { Value: string; Type: 'String' | 'StringList' | 'SecureString' }>
  /** Secrets by name, then by staging label. */
  readonly secrets: Map<string, Record<string, SecretVersion>>
  /** Answer the next requests with this error while set. */
  fault: ServiceFault | undefined
  close(): Promise<void>
}

const send = (response: ServerResponse, status: number, body: unknown, errorType?: string) => {
  const headers: Record<string, string> = {
    'content-type': 'application/x-amz-json-1.1',
    'x-amzn-requestid': randomUUID(),
  }
  if (errorType) headers['x-amzn-errortype'] = errorType
  response.writeHead(status, headers).end(JSON.stringify(body))
}

const fail = (response: ServerResponse, status: number, type: string, message: string) =>
  send(response, status, { __type: type, message }, type)

function getParameters(fake: FakeAws, body: Record<string, unknown>, response: ServerResponse): void {
  const names = Array.isArray(body.Names) ? body.Names.map(String) : []
  if (names.length < 1 || names.length > 10) {
    const detail = `Value '[${names.join(', ')}]' at 'names' failed to satisfy constraint: Member must have length less than or equal to 10`
    fail(response, 400, 'ValidationException', `1 validation error detected: ${detail}`)
    return
  }
  // `name:3` / `name:label` asks for a version or label: the answer names the parameter and the selector apart.
  const split = (asked: string) => {
    const colon = asked.lastIndexOf(':')
    return colon > asked.lastIndexOf('/') ? [asked.slice(0, colon), asked.slice(colon)] : [asked, undefined]
  }
  const found = names.filter((name) => fake.parameters.has(split(name)[0] ?? ''))
  const Parameters = found.map((asked) => {
    const [Name = asked, Selector] = split(asked)
    return {
      Name,
      ...fake.parameters.get(Name),
      ...(Selector ? { Selector } : {}),
      Version: 1,
      DataType: 'text',
      LastModifiedDate: 1_700_000_000.123,
      ARN: `arn:aws:ssm:us-east-1:123456789012:parameter${Name.startsWith('/') ? '' : '/'}${Name}`,
    }
  })
  const InvalidParameters = names.filter((name) => !found.includes(name))
  send(response, 200, { Parameters, InvalidParameters })
}

function getSecretValue(fake: FakeAws, body: Record<string, unknown>, response: ServerResponse): void {
  const id = String(body.SecretId)
  const stage = typeof body.VersionStage === 'string' ? body.VersionStage : 'AWSCURRENT'
  const version = fake.secrets.get(id)?.[stage]
  if (!version) {
    fail(response, 400, 'ResourceNotFoundException', "Secrets Manager can't find the specified secret.")
    return
  }
  send(response, 200, {
    ARN: `arn:aws:secretsmanager:us-east-1:123456789012:secret:${id}-AbCdEf`,
    Name: id,
    VersionId: `${stage}-0001`,
    ...version,
    VersionStages: [stage],
    CreatedDate: 1_700_000_000.5,
  })
}

/**
 * Starts the fake services on 127.0.0.1 with a free port.
 *
 * @example
 * const aws = await startFakeAws()
 * aws.parameters.set('/app/table', { Value: 'orders', Type: 'String' })
 * const client = new SSMClient({ endpoint: aws.endpoint, region: 'us-east-1', credentials })
 */
export async function startFakeAws(): Promise<FakeAws> {
  const fake = {
    requests: [] as RecordedRequest[],
    parameters: new Map(),
    secrets: new Map(),
    fault: undefined as ServiceFault | undefined,
  } as FakeAws
  const server = createServer(async (request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = []
    for await (const chunk of request) chunks.push(chunk as Buffer)
    const target = String(request.headers['x-amz-target'] ?? '')
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>
    fake.requests.push({ target, body })
    if (request.method !== 'POST' || !String(request.headers['content-type']).includes('amz-json-1.1')) {
      return fail(response, 400, 'SerializationException', 'expected POST with application/x-amz-json-1.1')
    }
    if (fake.fault) return fail(response, fake.fault.status, fake.fault.type, fake.fault.message)
    if (target === 'AmazonSSM.GetParameters') return getParameters(fake, body, response)
    if (target === 'secretsmanager.GetSecretValue') return getSecretValue(fake, body, response)
    fail(response, 400, 'UnknownOperationException', `no such operation: ${target}`)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return Object.assign(fake, {
    endpoint: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections()
        server.close((error) => (error ? reject(error) : resolve()))
      }),
  })
}

/** Static fake credentials: the SDK signs requests, the fake does not check. */
export const fakeCredentials = { accessKeyId: 'AKIDFAKE', secretAccessKey: 'fake-secret' }
