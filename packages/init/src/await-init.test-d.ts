import { lambda } from '@sluice/core'
import { describe, expectTypeOf, test } from 'vitest'
import { awaitInit, type InitTimings } from './await-init.ts'
import { type Cached, cached, type FetchTiming } from './cached.ts'
import { once } from './once.ts'
import { secret } from './secret.ts'
import { ssmParameters } from './ssm-parameters.ts'

type Config = { table: string; limit: number }

describe('awaitInit types', () => {
  test('the handler sees each source by name, awaited, and the timings keyed by those names', () => {
    const config = cached(async (): Promise<Config> => ({ table: 't', limit: 1 }), { ttlMs: 1000 })
    const apiKey = secret('prod/api-key', { ttlMs: 1000 })
    const client = once(() => new URL('https://example.com'))
    const params = ssmParameters(['/app/a', '/app/b'], { ttlMs: 1000 })
    lambda()
      .use(awaitInit({ caches: { config, apiKey, client, params } }))
      .handler((_event, context) => {
        expectTypeOf(context.init.config).toEqualTypeOf<Config>()
        expectTypeOf(context.init.apiKey).toEqualTypeOf<string>()
        expectTypeOf(context.init.client).toEqualTypeOf<URL>()
        expectTypeOf(context.init.params).toEqualTypeOf<{
          readonly '/app/a': string
          readonly '/app/b': string
        }>()
        expectTypeOf(context.initTimings).toEqualTypeOf<
          InitTimings<'config' | 'apiKey' | 'client' | 'params'>
        >()
        expectTypeOf(context.initTimings.fetches.config).toEqualTypeOf<FetchTiming | undefined>()
        // @ts-expect-error only the names given under caches exist
        context.init.other
      })
  })

  test('cached() unwraps an async fetcher; secret() types follow the json option', () => {
    expectTypeOf(cached(async () => 42, { ttlMs: 1 })).toEqualTypeOf<Cached<number>>()
    expectTypeOf(cached(() => 'sync', { ttlMs: 1 })()).toEqualTypeOf<Promise<string>>()
    expectTypeOf(secret('s', { ttlMs: 1, json: true })).toEqualTypeOf<Cached<Record<string, unknown>>>()
    const parse = (value: unknown) => ({ password: String((value as { password: unknown }).password) })
    expectTypeOf(secret('s', { ttlMs: 1, json: parse })).toEqualTypeOf<Cached<{ password: string }>>()
  })
})
