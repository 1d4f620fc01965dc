import { setImmediate as nextTurn } from 'node:timers/promises'
import { afterEach, describe, expect, test } from 'vitest'
import { InitError } from './errors.ts'
import { once } from './once.ts'

const unhandled: unknown[] = []
const onUnhandled = (reason: unknown) => unhandled.push(reason)
afterEach(() => {
  process.off('unhandledRejection', onUnhandled)
  unhandled.length = 0
})

/** A promise the test settles by hand. */
const deferred = <T>() => {
  let resolve!: (value: T) => void
  let reject!: (error: unknown) => void
  const promise = new Promise<T>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}

describe('once', () => {
  test('runs a sync factory on the first call only and returns the same value after', () => {
    let runs = 0
    const client = once(() => ({ id: ++runs }))
    expect(client.state).toBe('idle')
    expect(client.peek()).toBeUndefined()
    const first = client()
    expect(client()).toBe(first)
    expect(client()).toBe(first)
    expect(runs).toBe(1)
    expect(client.state).toBe('ready')
    expect(client.peek()).toBe(first)
  })

  test('concurrent callers of an async factory share one in-flight promise', async () => {
    let runs = 0
    const gate = deferred<string>()
    const pool = once(() => {
      runs += 1
      return gate.promise
    })
    const calls = [pool(), pool(), pool()]
    expect(runs).toBe(1)
    expect(new Set(calls).size).toBe(1)
    expect(pool.state).toBe('pending')
    expect(pool.peek()).toBeUndefined()
    gate.resolve('connected')
    expect(await Promise.all(calls)).toEqual(['connected', 'connected', 'connected'])
    expect(pool.state).toBe('ready')
    expect(pool.peek()).toBe('connected')
    expect(pool()).toBe(calls[0])
  })

  test('a throwing factory is not cached: the next call runs it again', () => {
    let runs = 0
    const client = once(() => {
      runs += 1
      if (runs === 1) throw new Error('connection refused')
      return { runs }
    })
    expect(() => client()).toThrow('connection refused')
    expect(client.state).toBe('idle')
    expect(client()).toEqual({ runs: 2 })
    expect(client()).toEqual({ runs: 2 })
    expect(runs).toBe(2)
  })

  test('a rejected promise is not cached: waiting callers see the rejection, the next call retries', async () => {
    const attempts = [deferred<string>(), deferred<string>()]
    let runs = 0
    const pool = once(() => (attempts[runs++] as ReturnType<typeof deferred<string>>).promise)
    const waiting = [pool(), pool()]
    attempts[0]?.reject(new Error('timeout'))
    for (const call of waiting) await expect(call).rejects.toThrow('timeout')
    expect(pool.state).toBe('idle')
    const retry = pool()
    expect(retry).not.toBe(waiting[0])
    attempts[1]?.resolve('ok')
    expect(await retry).toBe('ok')
    expect(runs).toBe(2)
  })

  test('a rejection nobody awaits (an INIT-time call) is not an unhandled rejection', async () => {
    process.on('unhandledRejection', onUnhandled)
    const pool = once(async () => {
      throw new Error('no database at INIT')
    })
    void pool()
    await nextTurn()
    await nextTurn()
    expect(unhandled).toEqual([])
    expect(pool.state).toBe('idle')
  })

  test('reset() makes the next call run the factory again, and a late result of the old promise is ignored', async () => {
    let runs = 0
    const gate = deferred<number>()
    const value = once(() => (++runs === 1 ? gate.promise : Promise.resolve(runs)))
    void value()
    value.reset()
    expect(await value()).toBe(2)
    gate.resolve(1)
    await nextTurn()
    expect(value.peek()).toBe(2)
  })

  test('a factory that calls its own accessor fails with ONCE_REENTERED instead of recursing', () => {
    const loop: () => unknown = once(() => loop())
    expect(() => loop()).toThrow(InitError)
    expect(() => loop()).toThrow(expect.objectContaining({ code: 'ONCE_REENTERED' }))
  })

  test('bad input: a factory that is not a function throws INIT_INVALID_OPTION', () => {
    const untyped = once as (factory: unknown) => unknown
    expect(() => untyped('client')).toThrow(
      expect.objectContaining({ code: 'INIT_INVALID_OPTION', path: ['factory'] }),
    )
  })
})
