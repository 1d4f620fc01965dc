import middy from '@middy/core'
import { lambda, type Middleware } from '@sluice/core'
import type { SQSEvent } from 'aws-lambda'
import { describe, expectTypeOf, test } from 'vitest'
import type { Scratch } from './scratch.ts'
import { tmp } from './tmp.ts'
import { type TmpCache, tmpCache } from './tmp-cache.ts'

describe('tmp() types', () => {
  test('the handler sees context.tmp as a Scratch, and the event is untouched', () => {
    lambda<SQSEvent>()
      .use(tmp())
      .handler(async (event, context) => {
        expectTypeOf(event).toEqualTypeOf<SQSEvent>()
        expectTypeOf(context.tmp).toEqualTypeOf<Scratch>()
        expectTypeOf(context.tmp.dir).toEqualTypeOf<string>()
        expectTypeOf(context.tmp.file).toEqualTypeOf<(name: string) => string>()
        expectTypeOf(context.tmp.bytesUsed()).toEqualTypeOf<Promise<number>>()
      })
  })

  test('tmp() is a typed sluice middleware that plain middy accepts', () => {
    expectTypeOf(tmp({ strays: 'delete' })).toEqualTypeOf<Middleware<{ context: { tmp: Scratch } }>>()
    expectTypeOf(middy().use(tmp())).toBeFunction()
    // @ts-expect-error not a policy
    tmp({ strays: 'shred' })
  })

  test('tmpCache() paths are strings; get() may miss', () => {
    const cache = tmpCache({ maxBytes: 1024 })
    expectTypeOf(cache).toEqualTypeOf<TmpCache>()
    expectTypeOf(cache.get('k')).toEqualTypeOf<Promise<string | undefined>>()
    expectTypeOf(cache.getOrFetch('k', async () => new Uint8Array())).toEqualTypeOf<Promise<string>>()
    // @ts-expect-error maxBytes is required
    tmpCache({ dir: 'assets' })
  })
})
