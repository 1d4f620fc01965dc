import { setTimeout as sleep } from 'node:timers/promises'
import { createContext } from '@sluice/testing'
import type { Context } from 'aws-lambda'
import { afterEach, describe, expect, test, vi } from 'vitest'
import {
  currentContext,
  currentInvocation,
  currentTraceHeader,
  currentTraceId,
  withInvocation,
} from './invocation-store.ts'
import { lambda } from './lambda.ts'
import type { Middleware } from './middleware.ts'

afterEach(() => {
  vi.unstubAllEnvs()
  vi.unstubAllGlobals()
})

/** What one invocation saw of `currentInvocation()` (and `currentContext()`, which must agree) where it looked. */
const seenBy = (label: string) => {
  const requestId = currentInvocation()?.requestId ?? `${label}: none`
  return currentContext()?.awsRequestId === requestId ? requestId : `${label}: currentContext disagrees`
}

type Looking = { waits: number[]; seen: string[] }

const lookBefore: Middleware<{ in: Looking }> = {
  before: function lookBefore(request) {
    request.event.seen.push(seenBy('before'))
  },
}

/** A handler that looks at the current invocation in a middleware, across awaits and in a timer callback. */
const looking = () =>
  lambda<Looking>()
    .use(lookBefore)
    .handler(async ({ waits, seen }) => {
      for (const ms of waits) {
        await sleep(ms)
        seen.push(seenBy('after await'))
      }
      seen.push(await new Promise<string>((resolve) => setTimeout(() => resolve(seenBy('timer')), 1)))
      return seen
    })

describe('currentInvocation without the Lambda runtime', () => {
  test('gives every one of many interleaved invocations its own request id, wherever it looks', async () => {
    const handler = looking()
    const ids = Array.from({ length: 12 }, (_, i) => `r-${i}`)
    const results = await Promise.all(
      ids.map((id, i) =>
        handler({ waits: [(i * 7) % 5, (i * 3) % 4, 2], seen: [] }, createContext({ awsRequestId: id })),
      ),
    )
    results.forEach((seen, i) => {
      expect(seen).toEqual(Array(5).fill(ids[i]))
    })
  })

  test('gives the request id, tenant and context of the one invocation in flight, and nothing once it ended', async () => {
    const context = createContext({ awsRequestId: 'r-1', tenantId: 'acme' })
    const handler = lambda().handler(async () => currentInvocation())
    expect(currentInvocation()).toBeUndefined()
    expect(await handler({}, context)).toMatchObject({ requestId: 'r-1', tenantId: 'acme', context })
    expect([currentInvocation(), currentContext()]).toEqual([undefined, undefined])
  })

  test('frees the slot after a failed invocation, and a nested invocation sees itself, then its caller again', async () => {
    const failing = lambda().handler(async () => {
      throw new Error('boom')
    })
    await expect(failing({}, createContext())).rejects.toThrow('boom')
    expect(currentInvocation()).toBeUndefined()
    const inner = withInvocation(async () => currentInvocation()?.requestId)
    const outer = withInvocation(async (_event: unknown, context: Context) => [
      await inner({}, createContext({ awsRequestId: 'inner' })),
      currentInvocation()?.requestId,
      context.awsRequestId,
    ])
    expect(await outer({}, createContext({ awsRequestId: 'outer' }))).toEqual(['inner', 'outer', 'outer'])
  })

  test('gives the slot back when the invocation that took it ends, also when overlapping ones share its context', async () => {
    const context = createContext({ awsRequestId: 'shared' })
    const gates = new Map<string, () => void>()
    const handler = lambda<{ name: string }>().handler(async ({ name }) => {
      await new Promise<void>((resolve) => gates.set(name, resolve))
      return seenBy(name)
    })
    const open = async (name: string) => {
      while (!gates.has(name)) await new Promise(setImmediate)
      gates.get(name)?.()
    }
    const a = handler({ name: 'a' }, context)
    const b = handler({ name: 'b' }, context)
    await open('a')
    expect(await a).toBe('shared')
    const c = handler({ name: 'c' }, context)
    await open('b')
    expect(await b).toBe('shared')
    await open('c')
    expect(await c).toBe('shared')
    expect(currentInvocation()).toBeUndefined()
  })

  test('runs the catch point inside the invocation, and frees the slot after it', async () => {
    const handler = lambda()
      .catch(() => currentInvocation()?.requestId)
      .handler(async () => {
        throw new Error('boom')
      })
    expect(await handler({}, createContext({ awsRequestId: 'r-caught' }))).toBe('r-caught')
    expect(currentInvocation()).toBeUndefined()
  })

  test('reads the trace header from _X_AMZN_TRACE_ID one invocation at a time, never in multi-concurrent mode', () => {
    vi.stubEnv(
      '_X_AMZN_TRACE_ID',
      'Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1',
    )
    expect(currentTraceId()).toBe('1-5759e988-bd862e3fe1be46a994272793')
    vi.stubEnv('AWS_LAMBDA_MAX_CONCURRENCY', '4')
    expect(currentTraceHeader()).toBeUndefined()
    expect(currentTraceId()).toBeUndefined()
  })

  test('gives a bare trace id as it is, and nothing for a header without Root', () => {
    vi.stubEnv('_X_AMZN_TRACE_ID', '1-5759e988-bd862e3fe1be46a994272793')
    expect(currentTraceId()).toBe('1-5759e988-bd862e3fe1be46a994272793')
    vi.stubEnv('_X_AMZN_TRACE_ID', 'Parent=53995c3f42cd8ad8;Sampled=0')
    expect(currentTraceId()).toBeUndefined()
  })
})
