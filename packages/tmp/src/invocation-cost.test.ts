import * as fs from 'node:fs'
import { mkdirSync, writeFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { lambda } from '@sluice/core'
import { invoke } from '@sluice/testing'
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { betweenInvocations } from '../test-support/between-invocations.ts'
import { privateRoots } from '../test-support/private-roots.ts'
import { RECHECK_MS } from './budget.ts'
import { tmp } from './tmp.ts'

// Counts the calls tmp() makes on the root, so the disk work per invocation is pinned without timing anything.
vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs')>()
  return {
    ...real,
    statfsSync: vi.fn(real.statfsSync),
    statSync: vi.fn(real.statSync),
    readdirSync: vi.fn(real.readdirSync),
  }
})

const makeRoot = privateRoots()
const ALWAYS = Number.MAX_SAFE_INTEGER

/** Calls on `root` since the last reset: free-space readings, stats and listings. */
const callsOn = (root: string) => {
  const on = (fn: unknown) =>
    vi.mocked(fn as (path: unknown) => unknown).mock.calls.filter(([path]) => path === root)
  return {
    statfs: on(fs.statfsSync).length,
    stat: on(fs.statSync).length,
    readdir: on(fs.readdirSync).length,
  }
}

beforeEach(() => {
  // A minute ahead: the root made at the start of the test has settled, as a warm container's /tmp has.
  vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 60_000 })
})
afterEach(() => {
  vi.useRealTimers()
  vi.clearAllMocks()
})

describe('what an invocation costs on disk', () => {
  test('warm invocations that never touch their scratch: no stat, no listing, no statfs (the watch saw no rename)', async () => {
    const root = makeRoot()
    const handler = lambda()
      .use(tmp({ root }))
      .handler(() => 'ok')
    await invoke(handler, {})
    vi.clearAllMocks()
    for (let i = 0; i < 10; i++) {
      await invoke(handler, {})
      await betweenInvocations()
    }
    expect(callsOn(root)).toEqual({ statfs: 0, stat: 0, readdir: 0 })
  })

  test('once the watch on the root is gone, each end checks the root with one stat instead', async () => {
    const root = makeRoot()
    const handler = lambda()
      .use(tmp({ root, warn: () => {} }))
      .handler(() => 'ok')
    await invoke(handler, {})
    // An entry named like the root reads as the root itself removed: the watch stops.
    mkdirSync(join(root, basename(root)))
    await betweenInvocations()
    // The first end after it finds that entry (a stray): the next one measures free space again.
    await invoke(handler, {})
    await invoke(handler, {})
    vi.clearAllMocks()
    for (let i = 0; i < 10; i++) await invoke(handler, {})
    expect(callsOn(root)).toEqual({ statfs: 0, stat: 10, readdir: 0 })
  })

  test("with strays: 'ignore', nothing at all", async () => {
    const root = makeRoot()
    const handler = lambda()
      .use(tmp({ root, strays: 'ignore' }))
      .handler(() => 'ok')
    await invoke(handler, {})
    vi.clearAllMocks()
    for (let i = 0; i < 10; i++) await invoke(handler, {})
    expect(callsOn(root)).toEqual({ statfs: 0, stat: 0, readdir: 0 })
  })

  test('free space is measured again after a scratch was made, or a stray found, or a second went by', async () => {
    const root = makeRoot()
    const handler = lambda<{ write?: 'scratch' | 'stray' }>()
      .use(tmp({ root, warn: () => {} }))
      .handler((event, context) => {
        if (event.write === 'scratch') writeFileSync(context.tmp.file('a.bin'), 'x')
        if (event.write === 'stray') writeFileSync(join(root, 'stray.bin'), 'x')
      })
    await invoke(handler, {})
    const statfsAfter = async (event: { write?: 'scratch' | 'stray' }) => {
      await invoke(handler, event)
      await betweenInvocations()
      vi.clearAllMocks()
      await invoke(handler, {})
      return callsOn(root).statfs
    }
    expect(await statfsAfter({})).toBe(0)
    expect(await statfsAfter({ write: 'scratch' })).toBe(1)
    expect(await statfsAfter({ write: 'stray' })).toBe(1)
    vi.advanceTimersByTime(RECHECK_MS)
    vi.clearAllMocks()
    await invoke(handler, {})
    expect(callsOn(root).statfs).toBe(1)
  })

  test('while free space is low, every invocation measures it', async () => {
    const root = makeRoot()
    const handler = lambda()
      .use(tmp({ root, sweepBelowBytes: ALWAYS, warn: () => {} }))
      .handler(() => 'ok')
    for (let i = 0; i < 3; i++) await invoke(handler, {})
    expect(callsOn(root).statfs).toBe(3)
  })
})
