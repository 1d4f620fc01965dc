import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager'
import { describe, expect, test } from 'vitest'
import { fakeCredentials } from '../test-support/aws-server.ts'
import { useFakeAws } from '../test-support/fake-aws-client.ts'
import { InitError } from './errors.ts'
import { secret } from './secret.ts'

const fake = useFakeAws((config) => new SecretsManagerClient(config))

const dbSecret = { username: 'orders', password: 'hunter2', port: 5432 }

describe('secret', () => {
  test('reads SecretString with one GetSecretValue call and caches it for the TTL', async () => {
    fake.aws.secrets.set('prod/api-key', { AWSCURRENT: { SecretString: 'k-123' } })
    const apiKey = secret('prod/api-key', { ttlMs: 60_000, client: fake.client, prefetch: false })
    expect([await apiKey(), await apiKey()]).toEqual(['k-123', 'k-123'])
    expect(fake.aws.requests).toEqual([
      { target: 'secretsmanager.GetSecretValue', body: { SecretId: 'prod/api-key' } },
    ])
  })

  test('json: true parses the JSON object; a json function checks and shapes it', async () => {
    fake.aws.secrets.set('prod/db', { AWSCURRENT: { SecretString: JSON.stringify(dbSecret) } })
    const raw = secret('prod/db', { ttlMs: 1000, client: fake.client, json: true, prefetch: false })
    expect(await raw()).toEqual(dbSecret)
    const shaped = secret('prod/db', {
      ttlMs: 1000,
      client: fake.client,
      prefetch: false,
      json: (value) => {
        const { username, port } = value as typeof dbSecret
        return { user: String(username), port: Number(port) }
      },
    })
    expect(await shaped()).toEqual({ user: 'orders', port: 5432 })
  })

  test('versionStage asks for that staging label', async () => {
    fake.aws.secrets.set('prod/db', {
      AWSCURRENT: { SecretString: 'new' },
      AWSPREVIOUS: { SecretString: 'old' },
    })
    const previous = secret('prod/db', {
      ttlMs: 1000,
      client: fake.client,
      versionStage: 'AWSPREVIOUS',
      prefetch: false,
    })
    expect(await previous()).toBe('old')
    expect(fake.aws.requests[0]?.body).toEqual({ SecretId: 'prod/db', VersionStage: 'AWSPREVIOUS' })
  })

  test('a secret that is not a JSON object fails with SECRET_NOT_JSON and does not quote the secret', async () => {
    fake.aws.secrets.set('prod/plain', { AWSCURRENT: { SecretString: 'hunter2-not-json' } })
    fake.aws.secrets.set('prod/array', { AWSCURRENT: { SecretString: '["hunter2"]' } })
    for (const id of ['prod/plain', 'prod/array']) {
      const error = await secret(id, {
        ttlMs: 1000,
        client: fake.client,
        json: true,
        prefetch: false,
      })().catch((e: unknown) => e)
      expect(error).toBeInstanceOf(InitError)
      expect(error).toMatchObject({ code: 'SECRET_NOT_JSON', names: [id] })
      expect(
        JSON.stringify({ message: (error as Error).message, cause: String((error as Error).cause) }),
      ).not.toContain('hunter2')
    }
  })

  test('a binary secret fails with SECRET_NOT_STRING', async () => {
    fake.aws.secrets.set('prod/cert', {
      AWSCURRENT: { SecretBinary: Buffer.from([1, 2, 3]).toString('base64') },
    })
    const cert = secret('prod/cert', { ttlMs: 1000, client: fake.client, prefetch: false })
    await expect(cert()).rejects.toMatchObject({ code: 'SECRET_NOT_STRING' })
  })

  test('a missing secret fails with FETCH_FAILED carrying ResourceNotFoundException', async () => {
    const missing = secret('prod/nope', { ttlMs: 1000, client: fake.client, prefetch: false })
    const error = await missing().catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'FETCH_FAILED', cause: { name: 'ResourceNotFoundException' } })
    expect((error as Error).message).toContain('secret prod/nope')
  })

  test('without a client it creates one from clientConfig and prefetches at creation', async () => {
    fake.aws.secrets.set('prod/api-key', { AWSCURRENT: { SecretString: 'k-9' } })
    const apiKey = secret('prod/api-key', {
      ttlMs: 60_000,
      clientConfig: { endpoint: fake.aws.endpoint, region: 'us-east-1', credentials: fakeCredentials },
    })
    await expect.poll(() => fake.aws.requests.length).toBe(1)
    expect(await apiKey()).toBe('k-9')
    expect(fake.aws.requests).toHaveLength(1)
  })

  test('bad input: an empty id, a non-function json or ttlMs ≤ 0 throw INIT_INVALID_OPTION', () => {
    expect(() => secret('', { ttlMs: 1000 })).toThrow(expect.objectContaining({ path: ['secretId'] }))
    expect(() => secret('x', { ttlMs: -5 })).toThrow(expect.objectContaining({ code: 'INIT_INVALID_OPTION' }))
    expect(() => secret('x', { ttlMs: 1000, json: 'yes' as unknown as true })).toThrow(
      expect.objectContaining({ code: 'INIT_INVALID_OPTION', path: ['json'] }),
    )
  })
})
