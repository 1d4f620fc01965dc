import { afterAll, beforeAll, beforeEach } from 'vitest'
import { type FakeAws, fakeCredentials, startFakeAws } from './aws-server.ts'

/** What a test's SDK client is built with: the fake service's endpoint, fake credentials, no retries. */
export interface FakeAwsClientConfig {
  readonly endpoint: string
  readonly region: string
  readonly credentials: typeof fakeCredentials
  readonly maxAttempts: number
}

/** The fake service and the SDK client a test file talks to it with; read them inside tests and hooks. */
export interface FakeAwsFixture<$Client> {
  readonly aws: FakeAws
  readonly client: $Client
}

/**
 * Registers the test file's hooks for a {@link FakeAws}: starts it and builds one SDK client on it before all
 * tests, clears its requests, stored parameters and secrets and fault before each test, and destroys the client
 * and closes the server after all.
 *
 * @example
 * const fake = useFakeAws((config) => new SSMClient(config))
 * test('reads', async () => { fake.aws.parameters.set('/a', { Value: '1', Type: 'String' }) })
 */
export function useFakeAws<$Client extends { destroy(): void }>(
  create: (config: FakeAwsClientConfig) => $Client,
): FakeAwsFixture<$Client> {
  let started: FakeAwsFixture<$Client> | undefined
  const current = (): FakeAwsFixture<$Client> => {
    if (!started) throw new Error('useFakeAws: the fake service is read outside a test or hook')
    return started
  }
  beforeAll(async () => {
    const aws = await startFakeAws()
    const client = create({
      endpoint: aws.endpoint,
      region: 'us-east-1',
      credentials: fakeCredentials,
      maxAttempts: 1,
    })
    started = { aws, client }
  })
  afterAll(async () => {
    started?.client.destroy()
    await started?.aws.close()
    started = undefined
  })
  beforeEach(() => {
    const { aws } = current()
    aws.requests.length = 0
    aws.parameters.clear()
    aws.secrets.clear()
    aws.fault = undefined
  })
  return {
    get aws() {
      return current().aws
    },
    get client() {
      return current().client
    },
  }
}
