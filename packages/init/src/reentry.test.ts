import { setImmediate as nextTurn } from 'node:timers/promises'
import { createClock } from '@sluice/testing'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { collectUnhandled } from '../test-support/unhandled.ts'
import { type Cached, cached } from './cached.ts'
import { InitError } from './errors.ts'
import { type Once, once } from './once.ts'

// A loader that waits on itself never settles. Rather than a wall-clock timeout, each test lets the event loop
// turn a few times after everything the loader waits on has settled, and then asks whether the call settled.

const unhandled = collectUnhandled()

type Settled =
  | { status: 'pending' }
  | { status: 'fulfilled'; value: unknown }
  | { status: 'rejected'; reason: unknown }

/** How `promise` stands after the event loop has turned a few times. */
async function settledAfterTurns(promise: Promise<unknown>): Promise<Settled> {
  let settled: Settled = { status: 'pending' }
  promise.then(
    (value) => {
      settled = { status: 'fulfilled', value }
    },
    (reason: unknown) => {
      settled = { status: 'rejected', reason }
    },
  )
  for (let turn = 0; turn < 10 && settled.status === 'pending'; turn++) await nextTurn()
  return settled
}

const reentered = (code: 'ONCE_REENTERED' | 'CACHED_REENTERED') => ({
  status: 'rejected',
  reason: expect.objectContaining({ name: 'InitError', code }),
})

describe('once: a factory that reaches its own accessor after an await', () => {
  test('fails with ONCE_REENTERED instead of waiting on itself forever, and the failure is not kept', async () => {
    let runs = 0
    let loop = true
    const pool: Once<Promise<string>> = once(async () => {
      runs += 1
      await nextTurn()
      // Awaited: returning the promise itself would be a TypeError (a promise resolved with itself), not a hang.
      return loop ? await pool() : 'connected'
    })
    expect(await settledAfterTurns(pool())).toEqual(reentered('ONCE_REENTERED'))
    expect(pool.state).toBe('idle')
    loop = false
    expect(await pool()).toBe('connected')
    expect(runs).toBe(2)
    expect(unhandled).toEqual([])
  })

  test('fails through a chain of once() values that ends in itself', async () => {
    const a: Once<Promise<string>> = once(async () => `a:${await b()}`)
    const b: Once<Promise<string>> = once(async () => {
      await nextTurn()
      return `b:${await a()}`
    })
    const first = await settledAfterTurns(a())
    expect(first).toEqual(reentered('ONCE_REENTERED'))
    expect([a.state, b.state]).toEqual(['idle', 'idle'])
  })

  test('fails when two invocations start the two halves of a cycle at once (Managed Instances first calls)', async () => {
    const a: Once<Promise<string>> = once(async () => {
      await nextTurn()
      return `a:${await b()}`
    })
    const b: Once<Promise<string>> = once(async () => {
      await nextTurn()
      return `b:${await a()}`
    })
    // Both loaders are in flight before either reaches the other.
    const [fromA, fromB] = [a(), b()]
    const outcomes = await Promise.all([settledAfterTurns(fromA), settledAfterTurns(fromB)])
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['rejected', 'rejected'])
    expect(outcomes).toContainEqual(reentered('ONCE_REENTERED'))
  })

  test('callers waiting on a loader in flight are not re-entry, whether or not they run inside another loader', async () => {
    const gate = Promise.withResolvers<string>()
    const config = once(() => gate.promise)
    // A second once() whose loader waits on `config` while an invocation waits on it too: no cycle.
    const client = once(async () => `client(${await config()})`)
    const calls = [config(), client(), config()]
    gate.resolve('cfg')
    expect(await Promise.all(calls)).toEqual(['cfg', 'client(cfg)', 'cfg'])
  })

  test('a wait that is over does not count: a new load of a value may wait on a loader that used it before', async () => {
    const gate = Promise.withResolvers<void>()
    let loads = 0
    const token: Once<Promise<string>> = once(async () => {
      loads += 1
      return loads === 1 ? 'token1' : `token2(${await client()})`
    })
    const client: Once<Promise<string>> = once(async () => {
      const first = await token()
      await gate.promise
      return `client(${first})`
    })
    const fromClient = client()
    await nextTurn() // client's loader has had token's first value; it no longer waits on token
    token.reset()
    const fromToken = token()
    gate.resolve()
    expect(await fromClient).toBe('client(token1)')
    expect(await fromToken).toBe('token2(client(token1))')
  })
})

describe('cached: a fetcher that reaches its own accessor', () => {
  test('after an await: fails with CACHED_REENTERED instead of waiting on itself forever', async () => {
    const clock = createClock(0)
    let fetches = 0
    const config: Cached<string> = cached(
      async () => {
        fetches += 1
        await nextTurn()
        return fetches === 1 ? `v${await config()}` : 'v2'
      },
      { ttlMs: 1000, clock, prefetch: false },
    )
    expect(await settledAfterTurns(config())).toEqual(reentered('CACHED_REENTERED'))
    expect(await config()).toBe('v2')
    expect(unhandled).toEqual([])
  })

  test('synchronously: fails with CACHED_REENTERED after one fetch, not a stack overflow', async () => {
    let fetches = 0
    const config: Cached<string> = cached(
      () => {
        fetches += 1
        return config()
      },
      { ttlMs: 1000, prefetch: false },
    )
    const error = await config().catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(InitError)
    expect(error).toMatchObject({ code: 'CACHED_REENTERED' })
    expect(fetches).toBe(1)
  })

  test('a blocking refresh that reaches its own accessor fails; a background one gets the held value', async () => {
    const clock = createClock(0)
    const modes = ['blocking', 'background'] as const
    const [blocking, background] = modes.map((refresh) => {
      let fetches = 0
      const value: Cached<string> = cached(
        async () => {
          fetches += 1
          if (fetches === 1) return 'v1'
          await nextTurn()
          return `v${fetches}(${await value()})`
        },
        { ttlMs: 1000, clock, refresh },
      )
      return value
    }) as [Cached<string>, Cached<string>]
    expect([await blocking(), await background()]).toEqual(['v1', 'v1'])
    await clock.advance(1000)
    expect(await settledAfterTurns(blocking())).toEqual(reentered('CACHED_REENTERED'))
    // The background refresh in flight reads the held value through its own accessor: no wait, no cycle.
    expect(await background()).toBe('v1')
    expect(await settledAfterTurns(background.refresh())).toEqual({ status: 'fulfilled', value: 'v2(v1)' })
  })

  test('a cycle through once() and cached() fails with the code of the accessor that closes it', async () => {
    const token: Once<Promise<string>> = once(async () => {
      await nextTurn()
      return `token(${await config()})`
    })
    const config: Cached<string> = cached(async () => `config(${await token()})`, {
      ttlMs: 1000,
      prefetch: false,
    })
    expect(await settledAfterTurns(config())).toEqual(reentered('CACHED_REENTERED'))
    expect(token.state).toBe('idle')
  })
})

/** Whether a dependency cycle can be reached from `start` in the graph `deps` (each node's list of nodes). */
function reachesCycle(deps: readonly (readonly number[])[], start: number): boolean {
  const onPath = new Set<number>()
  const done = new Set<number>()
  const visit = (node: number): boolean => {
    if (onPath.has(node)) return true
    if (done.has(node)) return false
    onPath.add(node)
    const cyclic = (deps[node] ?? []).some(visit)
    onPath.delete(node)
    done.add(node)
    return cyclic
  }
  return visit(start)
}

describe('any graph of loaders that wait on each other', () => {
  test('every call settles: with its value when no cycle is reachable from it, else with a *_REENTERED error (property)', async () => {
    const graph = fc.integer({ min: 1, max: 5 }).chain((size) =>
      fc.record({
        deps: fc.array(fc.uniqueArray(fc.nat(size - 1), { maxLength: 3 }), {
          minLength: size,
          maxLength: size,
        }),
        kinds: fc.array(fc.constantFrom('once', 'cached'), { minLength: size, maxLength: size }),
        awaitsFirst: fc.array(fc.boolean(), { minLength: size, maxLength: size }),
        callers: fc.uniqueArray(fc.nat(size - 1), { minLength: 1, maxLength: size }),
      }),
    )
    await fc.assert(
      fc.asyncProperty(graph, async ({ deps, kinds, awaitsFirst, callers }) => {
        const values: Array<() => Promise<string>> = []
        deps.forEach((needs, node) => {
          const load = async () => {
            if (awaitsFirst[node]) await nextTurn()
            const parts: string[] = []
            for (const need of needs) parts.push(await (values[need] as () => Promise<string>)())
            return `${node}(${parts.join(',')})`
          }
          values.push(
            kinds[node] === 'once'
              ? once(load)
              : cached(load, { ttlMs: Infinity, prefetch: false, refresh: 'blocking' }),
          )
        })
        const expected = (node: number): string =>
          `${node}(${(deps[node] ?? []).map((need) => expected(need)).join(',')})`
        // Every caller starts before any loader gets past its first await: concurrent first calls.
        const calls = callers.map((node) => (values[node] as () => Promise<string>)())
        const outcomes = await Promise.all(calls.map(settledAfterTurns))
        outcomes.forEach((outcome, index) => {
          const node = callers[index] as number
          if (!reachesCycle(deps, node))
            expect(outcome).toEqual({ status: 'fulfilled', value: expected(node) })
          else {
            expect(outcome.status).toBe('rejected')
            const { reason } = outcome as { reason: InitError }
            expect(reason).toBeInstanceOf(InitError)
            expect(['ONCE_REENTERED', 'CACHED_REENTERED']).toContain(reason.code)
          }
        })
      }),
      { numRuns: 300 },
    )
    expect(unhandled).toEqual([])
  })
})

describe('the warm path', () => {
  test('a ready once() value is returned as it was, inside a loader or not', async () => {
    const client = once(async () => ({ id: 1 }))
    const ready = client()
    await ready
    const inside = once(async () => client())
    expect(await inside()).toBe(await ready)
    expect(client()).toBe(ready)
  })
})
