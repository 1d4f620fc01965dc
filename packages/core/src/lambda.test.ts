import middy from '@middy/core'
import { createClock, createContext, invoke } from '@sluice/testing'
import { afterEach, describe, expect, test, vi } from 'vitest'
import { SluiceError } from './errors.ts'
import { lambda, lifecycle } from './lambda.ts'
import { phase } from './lifecycle.ts'
import type { Middleware } from './middleware.ts'

const tracing = (name: string, log: string[]): Middleware => ({
  before: () => {
    log.push(`${name}:before`)
  },
  after: () => {
    log.push(`${name}:after`)
  },
  onError: () => {
    log.push(`${name}:onError`)
  },
})

afterEach(() => {
  vi.unstubAllEnvs()
  vi.useRealTimers()
})

describe('lambda()', () => {
  test('runs befores in order, afters and onErrors in reverse, like middy', async () => {
    const log: string[] = []
    const handler = lambda()
      .use(tracing('a', log))
      .use(tracing('b', log))
      .handler(() => {
        log.push('handler')
        return 'done'
      })
    expect(await handler({}, createContext())).toBe('done')
    expect(log).toEqual(['a:before', 'b:before', 'handler', 'b:after', 'a:after'])

    log.length = 0
    const failing = lambda()
      .use(tracing('a', log))
      .use(tracing('b', log))
      .handler(() => {
        throw new Error('boom')
      })
    await expect(failing({}, createContext())).rejects.toThrow('boom')
    expect(log).toEqual(['a:before', 'b:before', 'b:onError', 'a:onError'])
  })

  test('a before that returns a value responds early: later befores and the handler do not run', async () => {
    const log: string[] = []
    const handler = lambda()
      .use({ before: () => ({ statusCode: 304 }) })
      .use(tracing('late', log))
      .handler(() => {
        log.push('handler')
      })
    expect(await handler({}, createContext())).toEqual({ statusCode: 304 })
    expect(log).toEqual([])
  })

  test('an onError middleware sees the error and may answer instead', async () => {
    const seen: unknown[] = []
    const handler = lambda()
      .use({
        onError: (request) => {
          seen.push(request.error)
          return { statusCode: 500 }
        },
      })
      .handler(() => {
        throw new SluiceError('nope', { code: 'NOPE' })
      })
    expect(await handler({}, createContext())).toEqual({ statusCode: 500 })
    expect(seen).toHaveLength(1)
    expect(seen[0]).toMatchObject({ code: 'NOPE' })
  })

  test('catch is the one catch point: it gets what escapes, even an onError that throws', async () => {
    const original = new Error('database down')
    const handler = lambda<{ id: string }>()
      .use({
        onError: () => {
          throw new SluiceError('wrapped', { code: 'WRAPPED', expose: true })
        },
      })
      .catch((error, request) => ({
        code: error.code,
        expose: error.expose,
        id: (request.event as { id: string }).id,
      }))
      .handler(() => {
        throw original
      })
    expect(await handler({ id: 'x1' }, createContext())).toEqual({ code: 'WRAPPED', expose: true, id: 'x1' })

    const plain = lambda()
      .catch((error) => ({ code: error.code, cause: error.cause }))
      .handler(() => {
        throw original
      })
    expect(await plain({}, createContext())).toEqual({ code: 'UNHANDLED_ERROR', cause: original })
  })

  test('catch gets the event as delivered, even after a parser replaced it, and the context as middy left it', async () => {
    const handler = lambda<{ body: string }>()
      .use({
        before: function tagBefore(request) {
          ;(request.context as { tag?: string }).tag = 'seen'
        },
      })
      .use({
        before: function replaceBefore(request) {
          request.event = { parsed: true } as never
          throw new SluiceError('bad body', { code: 'BAD_BODY' })
        },
      })
      .catch((error, { event, context }) => ({
        code: error.code,
        event,
        tag: (context as { tag?: string }).tag,
        cold: context.lifecycle.coldStart,
      }))
      .handler(() => 'unreachable')
    expect(await handler({ body: '{' }, createContext())).toEqual({
      code: 'BAD_BODY',
      event: { body: '{' },
      tag: 'seen',
      cold: true,
    })
  })

  test('a catch that throws fails the invocation with its error', async () => {
    const handler = lambda()
      .catch((error) => {
        throw new Error(`still failing: ${error.message}`)
      })
      .handler(() => {
        throw new Error('first')
      })
    await expect(invoke(handler, {})).rejects.toMatchObject({
      lambdaError: { errorType: 'Error', errorMessage: 'still failing: first' },
    })
  })

  test('cold start is true on the first invocation of a container only, and invocations are counted', async () => {
    const handler = lambda().handler((_event, context) => ({ ...context.lifecycle }))
    const first = await handler({}, createContext())
    const second = await handler({}, createContext())
    const third = await handler({}, createContext())
    expect([first.coldStart, second.coldStart, third.coldStart]).toEqual([true, false, false])
    expect([first.invocation, second.invocation, third.invocation]).toEqual([1, 2, 3])
    expect(first.initializationType).toBe('on-demand')

    const other = lambda().handler((_event, context) => context.lifecycle.coldStart)
    expect(await other({}, createContext())).toBe(true)
  })

  test('provisioned concurrency and SnapStart containers are not cold on their first invocation', async () => {
    for (const type of ['provisioned-concurrency', 'snap-start']) {
      vi.stubEnv('AWS_LAMBDA_INITIALIZATION_TYPE', type)
      const handler = lambda().handler((_event, context) => context.lifecycle)
      const facts = await handler({}, createContext())
      expect(facts).toMatchObject({ coldStart: false, firstInvocation: true, initializationType: type })
    }
  })

  test('the deadline is now + remaining time, read at the start of the invocation', async () => {
    const clock = createClock(1_000_000)
    vi.useFakeTimers({ now: 1_000_000 })
    const context = createContext({ timeoutMs: 5_000, clock })
    await clock.advance(1_200)
    vi.setSystemTime(1_001_200)
    const handler = lambda().handler((_event, ctx) => ctx.lifecycle)
    const facts = await handler({}, context)
    expect(facts.startedAt).toBe(1_001_200)
    expect(facts.deadline).toBe(1_005_000)
  })

  test('phase() is init until an invocation starts', async () => {
    const handler = lambda().handler(() => phase())
    expect(await handler({}, createContext())).toBe('invoke')
  })

  test('leaves no timer behind: no per-call early-timeout timer unless asked for', async () => {
    vi.useFakeTimers()
    const handler = lambda().handler(async () => 'ok')
    const pending = handler({}, createContext({ timeoutMs: 10_000 }))
    expect(vi.getTimerCount()).toBe(0)
    expect(await pending).toBe('ok')
  })

  test('middy plugin hooks still run, a requestStart hook after the lifecycle is attached', async () => {
    const names: string[] = []
    const started: unknown[] = []
    const handler = lambda({
      plugin: {
        beforeMiddleware: (name) => names.push(name),
        requestStart: (request) => started.push((request.context as { lifecycle?: unknown }).lifecycle),
      },
    })
      .use({ before: function namedBefore() {} })
      .handler(() => 'ok')
    await handler({}, createContext())
    expect(names).toEqual(['namedBefore'])
    expect(started).toHaveLength(1)
    expect(started[0]).toMatchObject({ invocation: 1 })
  })
})

describe('plain middy interop', () => {
  test('sluice middlewares work in middy().use() and lifecycle() counts there too', async () => {
    const addTenant: Middleware<{ context: { tenant: string } }> = {
      before: (request) => {
        request.context.tenant = 'acme'
      },
    }
    const handler = middy()
      .use(lifecycle())
      .use(addTenant)
      .handler(async (_event, context) => ({ tenant: context.tenant, cold: context.lifecycle?.coldStart }))
    expect(await handler({}, createContext())).toEqual({ tenant: 'acme', cold: true })
    expect(await handler({}, createContext())).toEqual({ tenant: 'acme', cold: false })
  })
})
