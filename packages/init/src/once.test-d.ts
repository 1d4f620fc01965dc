import { describe, expectTypeOf, test } from 'vitest'
import { type Once, once } from './once.ts'

class Client {
  readonly kind = 'client'
}

describe('once types', () => {
  test('a sync factory gives an accessor returning the value', () => {
    const client = once(() => new Client())
    expectTypeOf(client).toEqualTypeOf<Once<Client>>()
    expectTypeOf(client()).toEqualTypeOf<Client>()
    expectTypeOf(client.peek()).toEqualTypeOf<Client | undefined>()
    expectTypeOf(client).toExtend<() => Client>()
  })

  test('an async factory gives an accessor returning the promise; peek gives the resolved value', () => {
    const pool = once(async () => ({ query: (sql: string) => sql.length }))
    expectTypeOf(pool()).toEqualTypeOf<Promise<{ query: (sql: string) => number }>>()
    expectTypeOf(pool.peek()).toEqualTypeOf<{ query: (sql: string) => number } | undefined>()
  })

  test('the factory takes no arguments', () => {
    // @ts-expect-error a factory with a required parameter cannot be called by once
    once((url: string) => url)
  })
})
