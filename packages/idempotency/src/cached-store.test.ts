import { lambda } from '@sluice/core'
import { createClock, createContext } from '@sluice/testing'
import { describe, expect, test } from 'vitest'
import { countingStore } from '../test-support/counting-store.ts'
import { ownershipSuite } from '../test-support/ownership.ts'
import { cachedStore } from './cached-store.ts'
import { idempotency } from './idempotency.ts'
import { memoryStore } from './memory-store.ts'

const setup = (options?: Parameters<typeof cachedStore>[1]) => {
  const clock = createClock(0)
  const remote = countingStore(memoryStore())
  let runs = 0
  const handler = lambda<{ id: string }>()
    .use(
      idempotency<{ id: string }>({ key: ['id'], store: cachedStore(remote.store, options), now: clock.now }),
    )
    .handler(async (event) => ({ id: event.id, run: ++runs }))
  return { clock, remote, handler, runs: () => runs }
}

describe('cachedStore(): only the claim’s owner completes or releases, and a lost complete is not cached', () => {
  ownershipSuite(() => cachedStore(memoryStore()), 200)
})

describe('cachedStore()', () => {
  test('a duplicate on the same container is answered with no call to the remote store', async () => {
    const { remote, handler, runs } = setup()
    await handler({ id: 'a' }, createContext())
    expect(remote.calls).toEqual(['claim', 'complete'])
    expect(await handler({ id: 'a' }, createContext())).toEqual({ id: 'a', run: 1 })
    expect(remote.calls).toEqual(['claim', 'complete'])
    expect(runs()).toBe(1)
  })

  test('a completed record read from the remote store is cached too', async () => {
    const clock = createClock(0)
    const remote = countingStore(memoryStore())
    const now = clock.now()
    await remote.store.claim({
      key: 'k',
      owner: 'a',
      now,
      inProgressExpiry: now + 1000,
      expiry: now + 60_000,
    })
    await remote.store.complete({
      key: 'k',
      owner: 'a',
      now,
      inProgressExpiry: now + 1000,
      expiry: now + 60_000,
      result: '1',
    })
    const store = cachedStore(remote.store)
    const claim = { key: 'k', owner: 'b', now, inProgressExpiry: now + 1000, expiry: now + 60_000 }
    expect(await store.claim(claim)).toMatchObject({
      claimed: false,
      existing: { status: 'COMPLETED', result: '1' },
    })
    expect(await store.claim(claim)).toMatchObject({ claimed: false, existing: { status: 'COMPLETED' } })
    expect(remote.calls).toEqual(['claim', 'complete', 'claim'])
  })

  test('asks the remote store again once ttlMs has passed', async () => {
    const { clock, remote, handler } = setup({ ttlMs: 1000 })
    await handler({ id: 'a' }, createContext())
    await clock.advance(1001)
    await handler({ id: 'a' }, createContext())
    expect(remote.calls).toEqual(['claim', 'complete', 'claim'])
  })

  test('never answers past the record’s own expiry', async () => {
    const clock = createClock(0)
    const remote = countingStore(memoryStore())
    let runs = 0
    const handler = lambda()
      .use(
        idempotency({
          key: ['id'],
          store: cachedStore(remote.store, { ttlMs: 3_600_000 }),
          now: clock.now,
          expiresAfterSeconds: 1,
        }),
      )
      .handler(async () => ++runs)
    await handler({ id: 'a' }, createContext())
    await clock.advance(1001)
    expect(await handler({ id: 'a' }, createContext())).toBe(2)
  })

  test('in-progress records are not cached and a failed run leaves nothing behind', async () => {
    const remote = countingStore(memoryStore())
    let fail = true
    const failing = lambda<{ id: string }>()
      .use(idempotency<{ id: string }>({ key: ['id'], store: cachedStore(remote.store) }))
      .handler(async () => {
        if (fail) throw new Error('boom')
        return 'ok'
      })
    await expect(failing({ id: 'b' }, createContext())).rejects.toThrow('boom')
    fail = false
    expect(await failing({ id: 'b' }, createContext())).toBe('ok')
    expect(remote.calls).toEqual(['claim', 'release', 'claim', 'complete'])
  })
})
