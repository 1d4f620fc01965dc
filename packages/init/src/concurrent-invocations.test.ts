import { setImmediate as nextTurn } from 'node:timers/promises'
import { lambda } from '@sluice/core'
import { createClock, createContext } from '@sluice/testing'
import { describe, expect, test } from 'vitest'
import { collectUnhandled } from '../test-support/unhandled.ts'
import { awaitInit, type InitSource } from './await-init.ts'
import { cached } from './cached.ts'
import { InitError } from './errors.ts'
import { once } from './once.ts'
import type { InitWarningCode } from './warnings.ts'

// Lambda Managed Instances run many invocations at once in one worker thread, all sharing its module scope: the
// first invocations arrive together, before anything is loaded. These tests start several invocations of one
// handler, keep them all in flight on a loader the test settles by hand, and only then let it finish.

const IN_FLIGHT = 5
collectUnhandled({ failOnAny: true })

/** A handler that waits for `source` through awaitInit and says which invocation got what. */
const handlerFor = (source: InitSource) =>
  lambda()
    .use(awaitInit({ caches: { source }, warn: () => {} }))
    .handler((_event, context) => ({ requestId: context.awsRequestId, value: context.init.source }))

/** Starts `count` invocations at once; each settles into `{ ok, … }` and `settled` counts those that did. */
function startInvocations(handler: ReturnType<typeof handlerFor>, count: number, round = 'r') {
  const tally = { settled: 0 }
  const outcomes = Array.from({ length: count }, (_, index) =>
    handler({}, createContext({ awsRequestId: `${round}-${index}` })).then(
      (result) => ({ ok: true as const, ...result }),
      (error: unknown) => ({ ok: false as const, error }),
    ),
  )
  for (const outcome of outcomes) void outcome.finally(() => (tally.settled += 1))
  return Object.assign(tally, { all: () => Promise.all(outcomes) })
}

describe('once() with invocations in flight at once', () => {
  test('concurrent first invocations run the factory once and all wait for that one promise', async () => {
    const connection = Promise.withResolvers<{ id: string }>()
    let runs = 0
    const client = once(() => {
      runs += 1
      return connection.promise
    })
    const invocations = startInvocations(handlerFor(client), IN_FLIGHT)
    await nextTurn()
    // Every invocation is in flight, waiting: none could finish before the factory did.
    expect(runs).toBe(1)
    expect(invocations.settled).toBe(0)
    expect(client.state).toBe('pending')

    const made = { id: 'client-1' }
    connection.resolve(made)
    const outcomes = await invocations.all()
    expect(runs).toBe(1)
    expect(outcomes.map((o) => (o.ok ? o.requestId : o.error))).toEqual(['r-0', 'r-1', 'r-2', 'r-3', 'r-4'])
    for (const outcome of outcomes) expect(outcome.ok && outcome.value).toBe(made)
  })

  test('a failing factory fails every invocation waiting for it, is not kept, and the next ones retry it once', async () => {
    const attempts: Array<PromiseWithResolvers<string>> = []
    const client = once(() => {
      attempts.push(Promise.withResolvers<string>())
      return (attempts.at(-1) as PromiseWithResolvers<string>).promise
    })
    const handler = handlerFor(client)

    const first = startInvocations(handler, IN_FLIGHT, 'first')
    await nextTurn()
    expect(attempts).toHaveLength(1)
    const refused = new Error('connection refused')
    attempts[0]?.reject(refused)
    const failed = await first.all()
    expect(failed.map((o) => (o.ok ? 'ok' : o.error))).toEqual(Array(IN_FLIGHT).fill(refused))
    expect(client.state).toBe('idle')

    const second = startInvocations(handler, IN_FLIGHT, 'second')
    await nextTurn()
    expect(attempts).toHaveLength(2)
    expect(second.settled).toBe(0)
    attempts[1]?.resolve('connected')
    const retried = await second.all()
    expect(retried.map((o) => o.ok && o.value)).toEqual(Array(IN_FLIGHT).fill('connected'))
    expect(attempts).toHaveLength(2)
  })
})

describe('cached() with invocations in flight at once', () => {
  test('concurrent first invocations share the INIT prefetch: one fetch, every invocation waits for it', async () => {
    const fetched = Promise.withResolvers<string>()
    let fetches = 0
    const config = cached(
      () => {
        fetches += 1
        return fetched.promise
      },
      { ttlMs: Number.POSITIVE_INFINITY },
    )
    const invocations = startInvocations(handlerFor(config), IN_FLIGHT)
    await nextTurn()
    expect(fetches).toBe(1)
    expect(invocations.settled).toBe(0)
    fetched.resolve('config v1')
    const outcomes = await invocations.all()
    expect(outcomes.map((o) => o.ok && o.value)).toEqual(Array(IN_FLIGHT).fill('config v1'))
    expect(fetches).toBe(1)
  })

  test('a failed first fetch fails every invocation waiting for it with FETCH_FAILED; the next ones fetch once more', async () => {
    const attempts: Array<PromiseWithResolvers<string>> = []
    const config = cached(
      () => {
        attempts.push(Promise.withResolvers<string>())
        return (attempts.at(-1) as PromiseWithResolvers<string>).promise
      },
      { ttlMs: Number.POSITIVE_INFINITY, prefetch: false },
    )
    const handler = handlerFor(config)

    const first = startInvocations(handler, IN_FLIGHT, 'first')
    await nextTurn()
    expect(attempts).toHaveLength(1)
    const down = new Error('SSM unavailable')
    attempts[0]?.reject(down)
    const failed = await first.all()
    for (const outcome of failed) {
      expect(outcome.ok ? undefined : outcome.error).toBeInstanceOf(InitError)
      expect(outcome.ok ? undefined : outcome.error).toMatchObject({ code: 'FETCH_FAILED', cause: down })
    }

    const second = startInvocations(handler, IN_FLIGHT, 'second')
    await nextTurn()
    expect(attempts).toHaveLength(2)
    expect(second.settled).toBe(0)
    attempts[1]?.resolve('config v2')
    const retried = await second.all()
    expect(retried.map((o) => o.ok && o.value)).toEqual(Array(IN_FLIGHT).fill('config v2'))
    expect(attempts).toHaveLength(2)
  })
})

describe('awaitInit() with invocations in flight at once', () => {
  test('invocations arriving while the first still waits share its initMs, and the warning is given once', async () => {
    const clock = createClock(20_000)
    const warnings: InitWarningCode[] = []
    const gate = Promise.withResolvers<string>()
    const source = once(() => gate.promise)
    const handler = lambda()
      .use(
        awaitInit({
          caches: { source },
          clock,
          processStartMs: 11_000,
          warn: (_message, code) => warnings.push(code),
        }),
      )
      .handler((_event, context) => context.initTimings.initMs)
    // Each arrives 100 ms after the previous one, while the earlier ones still wait for the source.
    const invocations: Array<Promise<number>> = []
    for (let i = 0; i < IN_FLIGHT; i++) {
      invocations.push(handler({}, createContext({ clock })))
      await nextTurn()
      await clock.advance(100)
    }
    gate.resolve('ready')
    expect(await Promise.all(invocations)).toEqual(Array(IN_FLIGHT).fill(9_000))
    expect(warnings).toEqual(['SLUICE_INIT_NEAR_LIMIT'])
  })
})
