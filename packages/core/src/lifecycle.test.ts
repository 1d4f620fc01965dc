import middy from '@middy/core'
import { createClock, createContext, type VirtualClock } from '@sluice/testing'
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

const sleepOn = (clock: VirtualClock, ms: number) =>
  new Promise<void>((resolve) => clock.setTimeout(resolve, ms))
