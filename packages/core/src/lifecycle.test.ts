import middy from '@middy/core'
import { createClock, createContext, invoke, type VirtualClock } from '@sluice/testing'
import type { Context } from 'aws-lambda'
import { afterEach, describe, expect, test, vi } from 'vitest'
import { lambda, lifecycle } from './lambda.ts'
import { createLifecycle, lifecycleOf, lifecycleTracker } from './lifecycle.ts'

afterEach(() => {
  vi.unstubAllEnvs()
})

describe('lifecycleTracker', () => {
  test('without a lifecycle on the context it counts invocations itself: cold once, then warm', () => {
    const track = lifecycleTracker()
    const facts = [track(createContext()), track(createContext()), track(createContext())]
    expect(facts.map((f) => [f.invocation, f.coldStart, f.firstInvocation])).toEqual([
      [1, true, true],
      [2, false, false],
      [3, false, false],
    ])
  })

  test('reads the initialization type once: a provisioned container is never cold', () => {
    vi.stubEnv('AWS_LAMBDA_INITIALIZATION_TYPE', 'provisioned-concurrency')
    const track = lifecycleTracker()
    expect(track(createContext())).toMatchObject({ coldStart: false, firstInvocation: true })
  })

  test('hands back the lifecycle lambda() attached, so every middleware agrees with the handler', async () => {
    const track = lifecycleTracker()
    const seen: unknown[] = []
    const handler = lambda()
      .use({
        before: (request) => {
          seen.push(track(request.context))
        },
      })
      .handler((_event, context) => context.lifecycle)
    const first = await handler({}, createContext())
    const second = await handler({}, createContext())
    expect(seen).toEqual([first, second])
    expect([first.coldStart, second.coldStart]).toEqual([true, false])
  })
})

describe('lifecycle on an injected clock', () => {
  test('lambda({ clock }) times deadline, timeoutMs and remaining() on that clock', async () => {
    const clock = createClock(1_000_000)
    const context = createContext({ timeoutMs: 3_000, clock })
    await clock.advance(250) // Lambda spent a little before handing over
    const handler = lambda({ clock }).handler(async (_event, { lifecycle }) => {
      const start = {
        deadline: lifecycle.deadline,
        timeoutMs: lifecycle.timeoutMs,
        left: lifecycle.remaining(),
      }
      await sleepOn(clock, 1_000)
      return { ...start, startedAt: lifecycle.startedAt, later: lifecycle.remaining() }
    })
    const result = handler({}, context)
    await clock.advance(1_000)
    expect(await result).toEqual({
      deadline: 1_003_000,
      startedAt: 1_000_250,
      timeoutMs: 2_750,
      left: 2_750,
      later: 1_750,
    })
  })

  test('remaining() never goes below 0, and is Infinity without a deadline', async () => {
    const clock = createClock(0)
    const track = lifecycleTracker({ clock })
    const facts = track(createContext({ timeoutMs: 100, clock }))
    await clock.advance(500)
    expect(facts.remaining()).toBe(0)
    const plain = createLifecycle({} as Context, 1, { clock })
    expect([plain.deadline, plain.timeoutMs, plain.remaining()]).toEqual([Infinity, Infinity, Infinity])
  })

  test('lifecycle({ clock }) and lifecycleOf(context, clock) read the same clock in plain middy', async () => {
    const clock = createClock(5_000)
    const context = createContext({ timeoutMs: 900, clock })
    const seen = await middy()
      .use(lifecycle({ clock }))
      .handler(async (_event, ctx) => ctx.lifecycle?.timeoutMs)({}, context)
    expect(seen).toBe(900)
    expect(lifecycleOf(createContext({ timeoutMs: 900, clock }), clock).deadline).toBe(5_900)
  })

  test('defaults to the system clock, so vitest fake timers drive it', () => {
    vi.useFakeTimers({ now: 10_000 })
    try {
      const facts = lifecycleOf(createContext({ timeoutMs: 2_000 }))
      expect([facts.startedAt, facts.deadline]).toEqual([10_000, 12_000])
      vi.advanceTimersByTime(500)
      expect(facts.remaining()).toBe(1_500)
    } finally {
      vi.useRealTimers()
    }
  })
})

describe('lifecycle with invocations interleaved (Managed Instances run many at once per worker)', () => {
  /** A handler whose invocations each wait until the test lets them end, reporting what their lifecycle said. */
  const overlapping = () => {
    const gates = new Map<string, PromiseWithResolvers<void>>()
    const started = new Map<string, PromiseWithResolvers<void>>()
    const gate = <T>(map: Map<string, PromiseWithResolvers<T>>, id: string) => {
      const found = map.get(id) ?? Promise.withResolvers<T>()
      map.set(id, found)
      return found
    }
    const handler = lambda().handler(async (_event, { awsRequestId, lifecycle }) => {
      const { coldStart, firstInvocation, invocation } = lifecycle
      gate(started, awsRequestId).resolve()
      await gate(gates, awsRequestId).promise
      return { coldStart, firstInvocation, invocation }
    })
    return {
      handler,
      started: (id: string) => gate(started, id).promise,
      end: (id: string) => gate(gates, id).resolve(),
    }
  }

  test('the first invocations overlap: one cold start, counts 1, 2, 3 in the order they started', async () => {
    const { handler, started, end } = overlapping()
    const runs = ['a', 'b', 'c'].map((id) => invoke(handler, {}, { awsRequestId: id }))
    await Promise.all(['a', 'b', 'c'].map(started))
    // They end in another order than they started; the facts are those of their start.
    for (const id of ['c', 'a', 'b']) end(id)
    expect(await Promise.all(runs)).toEqual([
      { coldStart: true, firstInvocation: true, invocation: 1 },
      { coldStart: false, firstInvocation: false, invocation: 2 },
      { coldStart: false, firstInvocation: false, invocation: 3 },
    ])
  })

  test('on Managed Instances (initialized ahead of traffic) no invocation is cold; the first is still the first', async () => {
    vi.stubEnv('AWS_LAMBDA_INITIALIZATION_TYPE', 'lambda-managed-instances')
    const { handler, started, end } = overlapping()
    const runs = ['a', 'b'].map((id) => invoke(handler, {}, { awsRequestId: id }))
    await Promise.all(['a', 'b'].map(started))
    end('b')
    end('a')
    expect(await Promise.all(runs)).toEqual([
      { coldStart: false, firstInvocation: true, invocation: 1 },
      { coldStart: false, firstInvocation: false, invocation: 2 },
    ])
  })
})

const sleepOn = (clock: VirtualClock, ms: number) =>
  new Promise<void>((resolve) => clock.setTimeout(resolve, ms))
