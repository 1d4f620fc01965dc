import { createContext } from '@sluice/testing'
import { afterEach, describe, expect, test, vi } from 'vitest'
import { lambda } from './lambda.ts'
import { lifecycleTracker } from './lifecycle.ts'

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
