import middy from '@middy/core'
import { lambda } from '@sluice/core'
import { after, createClock, createContext, invoke, type VirtualClock } from '@sluice/testing'
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { awaitInit } from './await-init.ts'
import { cached } from './cached.ts'
import { once } from './once.ts'
import type { InitWarningCode } from './warnings.ts'

let clock: VirtualClock
let warnings: Array<{ message: string; code: InitWarningCode }>
const warn = (message: string, code: InitWarningCode) => warnings.push({ message, code })
const START = 1_700_000_000_000

beforeEach(() => {
  clock = createClock(START)
  warnings = []
})
afterEach(() => {
  vi.unstubAllEnvs()
})

/** A config source that takes `delayMs` on the virtual clock. */
const slowConfig = (delayMs: number) =>
  cached(
    async () => {
      if (delayMs > 0) await after(clock, delayMs)
      return { table: 'orders', limit: 5 }
    },
    { ttlMs: 60_000, clock },
  )

describe('awaitInit', () => {
  test('hands the awaited values to the handler and records INIT, fetch and wait times', async () => {
    const config = slowConfig(300)
    const client = once(() => ({ name: 'dynamo' }))
    const handler = lambda()
      .use(awaitInit({ caches: { config, client }, clock, processStartMs: START - 1200, warn }))
      .handler((_event, context) => ({ init: context.init, timings: context.initTimings }))
    const running = invoke(handler, {}, { clock, timeoutMs: 3000 })
    await clock.advance(300)
    const { init, timings } = await running
    expect(init).toEqual({ config: { table: 'orders', limit: 5 }, client: { name: 'dynamo' } })
    expect(timings).toEqual({
      initializationType: 'on-demand',
      initMs: 1200,
      waitedMs: 300,
      fetches: { config: { startedAt: START, durationMs: 300, phase: 'init', ok: true } },
    })
    expect(warnings).toEqual([])
  })

  test('warm invocations read the cached values without waiting and keep the first initMs', async () => {
    const config = slowConfig(0)
    const handler = lambda()
      .use(awaitInit({ caches: { config }, clock, processStartMs: START - 50, warn }))
      .handler((_event, context) => context.initTimings)
    await invoke(handler, {}, { clock })
    await clock.advance(10_000)
    expect(await invoke(handler, {}, { clock })).toMatchObject({ initMs: 50, waitedMs: 0 })
  })

  test('works in a plain middy stack', async () => {
    const config = slowConfig(0)
    const handler = middy()
      .use(awaitInit({ caches: { config }, clock, processStartMs: START, warn }))
      .handler(async (_event: unknown, context) => (context as unknown as { init: unknown }).init)
    expect(await handler({}, createContext({ clock }))).toEqual({ config: { table: 'orders', limit: 5 } })
  })

  test("a failed source fails the invocation with the source's InitError", async () => {
    const config = cached(() => Promise.reject(new Error('AccessDenied')), { ttlMs: 1000, clock })
    const handler = lambda()
      .use(awaitInit({ caches: { config }, clock, processStartMs: START, warn }))
      .handler(() => 'unreachable')
    await expect(handler({}, createContext({ clock }))).rejects.toMatchObject({
      name: 'InitError',
      code: 'FETCH_FAILED',
    })
  })

  test('bad input: caches that are not accessors, or warnInitMs ≤ 0, throw INIT_INVALID_OPTION', () => {
    const untyped = awaitInit as (options: unknown) => unknown
    expect(() => untyped({})).toThrow(
      expect.objectContaining({ code: 'INIT_INVALID_OPTION', path: ['caches'] }),
    )
    expect(() => untyped({ caches: { config: 'x' } })).toThrow(
      expect.objectContaining({ path: ['caches.config'] }),
    )
    expect(() => awaitInit({ caches: {}, warnInitMs: 0 })).toThrow(
      expect.objectContaining({ path: ['warnInitMs'] }),
    )
  })
})

describe('awaitInit warnings', () => {
  const handlerWith = (initMs: number, warnInitMs?: number) =>
    lambda()
      .use(awaitInit({ caches: {}, clock, processStartMs: START - initMs, warn, warnInitMs }))
      .handler(() => 'ok')

  test('warns once, on the first invocation, when an on-demand INIT reached warnInitMs', async () => {
    const handler = handlerWith(8400)
    await handler({}, createContext({ clock }))
    await handler({}, createContext({ clock }))
    expect(warnings).toEqual([
      { code: 'SLUICE_INIT_NEAR_LIMIT', message: expect.stringContaining('INIT took 8.4 s') },
    ])
  })

  test('does not warn below the threshold, which is configurable', async () => {
    await handlerWith(7999)({}, createContext({ clock }))
    expect(warnings).toEqual([])
    await handlerWith(2000, 1500)({}, createContext({ clock }))
    expect(warnings.map((w) => w.code)).toEqual(['SLUICE_INIT_NEAR_LIMIT'])
  })

  test.each(['provisioned-concurrency', 'snap-start'])(
    'with %s it warns once that the first invocation is no cold start, not about the INIT length',
    async (type) => {
      vi.stubEnv('AWS_LAMBDA_INITIALIZATION_TYPE', type)
      const handler = handlerWith(600_000)
      const timings = lambda()
        .use(awaitInit({ caches: {}, clock, processStartMs: START, warn: () => {} }))
        .handler((_event, context) => context.initTimings.initializationType)
      await handler({}, createContext({ clock }))
      await handler({}, createContext({ clock }))
      expect(warnings).toEqual([
        {
          code: 'SLUICE_INIT_AHEAD_OF_TRAFFIC',
          message: expect.stringContaining(`INITIALIZATION_TYPE=${type}`),
        },
      ])
      expect(await timings({}, createContext({ clock }))).toBe(type)
    },
  )

  test('by default warnings go to process.emitWarning as SluiceInitWarning', async () => {
    const heard = new Promise<Error & { code?: string }>((resolve) => process.once('warning', resolve))
    const handler = lambda()
      .use(awaitInit({ caches: {}, clock, processStartMs: START - 9500 }))
      .handler(() => 'ok')
    await handler({}, createContext({ clock }))
    expect(await heard).toMatchObject({ name: 'SluiceInitWarning', code: 'SLUICE_INIT_NEAR_LIMIT' })
  })
})
