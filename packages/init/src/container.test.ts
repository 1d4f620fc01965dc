import { type Container, createClock, createContainer, type VirtualClock } from '@sluice/testing'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { probe, resetProbe } from '../test-support/probe.ts'
import type { InitTimings } from './await-init.ts'

// Acceptance: module-scope once()/cached() in real handler modules, loaded per container by @sluice/testing.

type OnceResult = { clientId: string; invocation: number }
type CachedResult = { config: string; timings: InitTimings<'config'> }

const onceModule = new URL('../test-support/once-handler.ts', import.meta.url)
const cachedModule = new URL('../test-support/cached-handler.ts', import.meta.url)
const started: Array<Container<unknown, unknown>> = []
let clock: VirtualClock

function container<TResult>(module: URL, env: Record<string, string> = {}): Container<unknown, TResult> {
  const made = createContainer<unknown, TResult>({ module, clock, env, timeoutMs: 10_000 })
  started.push(made as Container<unknown, unknown>)
  return made
}

beforeEach(() => {
  clock = createClock(0)
  resetProbe(clock)
})
afterEach(async () => {
  for (const made of started.splice(0)) await made.dispose()
})

describe('once() in a container', () => {
  test('the factory runs once per container: warm invocations share the instance, a new container makes its own', async () => {
    const first = container<OnceResult>(onceModule)
    const results = [await first.invoke({}), await first.invoke({}), await first.invoke({})]
    expect(results.map((r) => r.invocation)).toEqual([1, 2, 3])
    expect(new Set(results.map((r) => r.clientId)).size).toBe(1)
    expect(probe.factoryRuns).toBe(1)

    const second = container<OnceResult>(onceModule)
    const other = await second.invoke({})
    expect(other.clientId).not.toBe(results[0]?.clientId)
    expect(probe.factoryRuns).toBe(2)
    expect(probe.log).toEqual(['init', 'init'])
  })

  test('a failing factory is retried: the INIT attempt and one invocation fail, the next invocation connects', async () => {
    probe.failFactory = 2
    const made = container<OnceResult>(onceModule)
    const failed = await made.invokeResult({})
    expect(failed.ok).toBe(false)
    expect(failed.ok ? undefined : failed.error.errorMessage).toBe('connection refused')
    const ok = await made.invoke({})
    expect(await made.invoke({})).toMatchObject({ clientId: ok.clientId })
    expect(probe.factoryRuns).toBe(3)
    expect(made.inits).toBe(1)
  })
})

describe('cached() in a container', () => {
  test('prefetch starts during INIT, before the first invocation, which waits for it', async () => {
    probe.fetchDelayMs = 500
    const made = container<CachedResult>(cachedModule)
    await made.start()
    expect(probe.log).toEqual(['init@0', 'fetch 1 start@0'])
    const first = made.invoke({})
    await clock.advance(500)
    const result = await first
    expect(result.config).toBe('config v1')
    expect(result.timings).toMatchObject({
      initMs: 0,
      waitedMs: 500,
      fetches: { config: { startedAt: 0, durationMs: 500 } },
    })
    expect(probe.log).toEqual(['init@0', 'fetch 1 start@0', 'invoke 1@500'])
    expect(probe.fetches).toBe(1)
  })

  test('background refresh on the virtual clock: the expired value is served once while one refresh runs', async () => {
    const made = container<CachedResult>(cachedModule)
    expect((await made.invoke({})).config).toBe('config v1')
    await clock.advance(59_999)
    expect((await made.invoke({})).config).toBe('config v1')
    expect(probe.fetches).toBe(1)
    await clock.advance(1)
    expect((await made.invoke({})).config).toBe('config v1')
    expect(probe.fetches).toBe(2)
    expect((await made.invoke({})).config).toBe('config v2')
    expect(probe.fetches).toBe(2)
  })

  test('blocking refresh on the virtual clock: the first invocation after expiry gets the new value', async () => {
    const made = container<CachedResult>(cachedModule, { CONFIG_REFRESH: 'blocking' })
    expect((await made.invoke({})).config).toBe('config v1')
    await clock.advance(60_000)
    expect((await made.invoke({})).config).toBe('config v2')
    expect(probe.fetches).toBe(2)
  })

  test('stale-if-error bound: a failing source is papered over for 30 s past expiry, then the invocation fails', async () => {
    const made = container<CachedResult>(cachedModule, { CONFIG_REFRESH: 'blocking' })
    expect((await made.invoke({})).config).toBe('config v1')
    probe.fetchFails = true
    await clock.advance(60_000 + 29_999)
    expect((await made.invoke({})).config).toBe('config v1')
    await clock.advance(1)
    const failed = await made.invokeResult({})
    expect(failed.ok ? undefined : failed.error).toMatchObject({
      errorType: 'InitError',
      errorMessage: expect.stringContaining('SSM unavailable'),
    })
    probe.fetchFails = false
    expect((await made.invoke({})).config).toBe('config v4')
  })
})
