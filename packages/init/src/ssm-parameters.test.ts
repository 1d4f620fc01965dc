import { SSMClient } from '@aws-sdk/client-ssm'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { fakeCredentials } from '../test-support/aws-server.ts'
import { useFakeAws } from '../test-support/fake-aws-client.ts'
import { InitError } from './errors.ts'
import { SSM_BATCH_SIZE, ssmParameters } from './ssm-parameters.ts'

const fake = useFakeAws((config) => new SSMClient(config))

const names = (count: number) => Array.from({ length: count }, (_, i) => `/app/param-${i}`)
const store = (list: readonly string[]) => {
  for (const name of list) fake.aws.parameters.set(name, { Value: `value of ${name}`, Type: 'SecureString' })
}

describe('ssmParameters', () => {
  test('reads 23 names in 3 GetParameters calls of at most 10, decrypting, values by name', async () => {
    const wanted = names(23)
    store(wanted)
    const config = ssmParameters(wanted, { ttlMs: 60_000, client: fake.client, prefetch: false })
    const values = await config()
    expect(fake.aws.requests.map((r) => r.target)).toEqual(Array(3).fill('AmazonSSM.GetParameters'))
    expect(fake.aws.requests.map((r) => (r.body.Names as string[]).length).sort()).toEqual([10, 10, 3])
    expect(fake.aws.requests.every((r) => r.body.WithDecryption === true)).toBe(true)
    expect(new Set(fake.aws.requests.flatMap((r) => r.body.Names as string[]))).toEqual(new Set(wanted))
    expect(Object.keys(values).sort()).toEqual([...wanted].sort())
    expect(values['/app/param-17']).toBe('value of /app/param-17')
  })

  test('any count of names, repeated or not, takes ceil(unique / 10) calls and yields every value', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 1, maxLength: 45 }),
        async (ids) => {
          fake.aws.requests.length = 0
          const wanted = ids.map((id) => `/p/${id}`)
          store(wanted)
          const values = await ssmParameters(wanted, {
            ttlMs: 1000,
            client: fake.client,
            prefetch: false,
            decrypt: false,
          })()
          const unique = new Set(wanted)
          expect(fake.aws.requests).toHaveLength(Math.ceil(unique.size / SSM_BATCH_SIZE))
          expect(fake.aws.requests.every((r) => (r.body.Names as string[]).length <= SSM_BATCH_SIZE)).toBe(
            true,
          )
          expect(fake.aws.requests.every((r) => r.body.WithDecryption === false)).toBe(true)
          for (const name of unique) expect(values[name]).toBe(`value of ${name}`)
        },
      ),
      { numRuns: 25 },
    )
  })

  test('a name:version or name:label selector is answered under the name asked for', async () => {
    store(['/app/table'])
    const config = ssmParameters(['/app/table:2', '/app/table'], {
      ttlMs: 1000,
      client: fake.client,
      prefetch: false,
    })
    expect(await config()).toEqual({
      '/app/table:2': 'value of /app/table',
      '/app/table': 'value of /app/table',
    })
  })

  test('names SSM lists in InvalidParameters fail the read with SSM_PARAMETERS_INVALID naming them', async () => {
    store(['/app/table'])
    const config = ssmParameters(['/app/table', '/app/missing', '/app/typo'], {
      ttlMs: 1000,
      client: fake.client,
      prefetch: false,
    })
    const error = await config().catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(InitError)
    expect(error).toMatchObject({ code: 'SSM_PARAMETERS_INVALID', names: ['/app/missing', '/app/typo'] })
    expect((error as InitError).message).toContain('/app/missing, /app/typo')
  })

  test('a service error becomes FETCH_FAILED with the SDK error as cause, and the next call retries', async () => {
    store(['/app/table'])
    fake.aws.fault = {
      status: 400,
      type: 'AccessDeniedException',
      message: 'not authorized to perform ssm:GetParameters',
    }
    const config = ssmParameters(['/app/table'], { ttlMs: 1000, client: fake.client, prefetch: false })
    const error = await config().catch((caught: unknown) => caught)
    expect(error).toMatchObject({ code: 'FETCH_FAILED', cause: { name: 'AccessDeniedException' } })
    fake.aws.fault = undefined
    expect(await config()).toEqual({ '/app/table': 'value of /app/table' })
  })

  test('without a client it creates one from clientConfig, once, and prefetches at creation', async () => {
    store(['/a', '/b'])
    const config = ssmParameters(['/a', '/b'], {
      ttlMs: 60_000,
      clientConfig: { endpoint: fake.aws.endpoint, region: 'us-east-1', credentials: fakeCredentials },
    })
    expect(await config()).toEqual({ '/a': 'value of /a', '/b': 'value of /b' })
    expect(await config.refresh()).toEqual({ '/a': 'value of /a', '/b': 'value of /b' })
    expect(fake.aws.requests).toHaveLength(2)
  })

  test('bad input: no names, an empty name, or missing options throw INIT_INVALID_OPTION', () => {
    expect(() => ssmParameters([], { ttlMs: 1000 })).toThrow(
      expect.objectContaining({ code: 'INIT_INVALID_OPTION' }),
    )
    expect(() => ssmParameters([''], { ttlMs: 1000 })).toThrow(expect.objectContaining({ path: ['names'] }))
    const noOptions = ssmParameters as (names: string[], options?: unknown) => unknown
    expect(() => noOptions(['/a'])).toThrow(
      expect.objectContaining({ code: 'INIT_INVALID_OPTION', path: ['options'] }),
    )
    expect(() => ssmParameters(['/a'], { ttlMs: 0, client: fake.client })).toThrow(
      expect.objectContaining({ path: ['ttlMs'] }),
    )
  })
})
