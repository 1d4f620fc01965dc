import { lambda } from '@sluice/core'
import { logger, memoryDestination } from '@sluice/logger'
import { createContext, hang } from '@sluice/testing'
import { timeout } from '@sluice/timeout'
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'

// @sluice/logger's buffer-on-error meets @sluice/timeout's guard: when the guard fires, the debug lines the
// invocation kept are written before the timeout response. Fake timers drive the guard and the fake context.
beforeEach(() => {
  vi.useFakeTimers({ now: 1_000_000 })
})
afterEach(() => {
  vi.useRealTimers()
})

const onTimeout = () => ({ statusCode: 504 })

/** Starts one invocation of a 3 s function, lets the guard fire (margin 500 ms), returns its outcome. */
const timedOut = async (handler: (event: unknown, context: never) => Promise<unknown>) => {
  let outcome: unknown = 'pending'
  handler({}, createContext({ timeoutMs: 3_000 }) as never).then(
    (value) => {
      outcome = value
    },
    (error: unknown) => {
      outcome = error
    },
  )
  await vi.advanceTimersByTimeAsync(2_600)
  return outcome
}

const messages = (out: ReturnType<typeof memoryDestination>) => out.records().map((r) => r.msg)

describe('buffered lines are written when the timeout guard fires', () => {
  test('guard.wrap() around the chain, handler hanging: kept lines first, then the timeout response', async () => {
    const out = memoryDestination()
    const guard = timeout({ onTimeout })
    const handler = guard.wrap(
      lambda()
        .use(logger({ destination: out, pretty: false, buffer: true }))
        .use(guard)
        .handler(async (_event, context) => {
          context.log.debug('called the slow service')
          return hang()
        }),
    )
    expect(await timedOut(handler)).toEqual({ statusCode: 504 })
    expect(messages(out)).toEqual(['called the slow service'])
  })

  test('the middleware alone, used after the logger: registered when the first line is kept', async () => {
    const out = memoryDestination()
    let finish: (value: string) => void = () => {}
    const handler = lambda()
      .use(logger({ destination: out, pretty: false, buffer: true }))
      .use(timeout({ onTimeout }))
      .handler(async (_event, context) => {
        context.log.debug('waiting for the lock')
        // Finishes late: the guard has fired, so its after answers with the timeout response.
        return new Promise<string>((resolve) => {
          finish = resolve
        })
      })
    let outcome: unknown = 'pending'
    void handler({}, createContext({ timeoutMs: 3_000 })).then((value) => {
      outcome = value
    })
    await vi.advanceTimersByTimeAsync(2_600)
    expect(messages(out)).toEqual(['waiting for the lock'])
    finish('late')
    await vi.advanceTimersByTimeAsync(10)
    expect(outcome).toEqual({ statusCode: 504 })
    // Written once, not again when the chain ends.
    expect(messages(out)).toEqual(['waiting for the lock'])
  })

  test('no onTimeout: the TimeoutError reaches the chain, and lines logged after firing are written at once', async () => {
    const out = memoryDestination()
    const guard = timeout()
    const handler = guard.wrap(
      lambda()
        .use(guard)
        .use(logger({ destination: out, pretty: false, buffer: true }))
        .handler(async (_event, context) => {
          context.log.debug('before the hang')
          context.timeout.onCleanup(() => context.log.debug('cleaning up'))
          return hang()
        }),
    )
    const outcome = await timedOut(handler)
    expect(outcome).toMatchObject({ code: 'TIMEOUT' })
    expect(messages(out)).toEqual(['before the hang', 'cleaning up'])
  })

  test("timeout({ flush: [log.flush] }): the middleware's flush writes what in-flight invocations hold", async () => {
    const out = memoryDestination()
    const log = logger({ destination: out, pretty: false, buffer: true })
    const guard = timeout({ onTimeout, flush: [log.flush] })
    const handler = guard.wrap(
      lambda()
        .use(log)
        .handler(async (_event, context) => {
          context.log.debug('kept')
          return hang()
        }),
    )
    expect(await timedOut(handler)).toEqual({ statusCode: 504 })
    expect(messages(out)).toEqual(['kept'])
  })

  test('control: an invocation that finishes in time writes nothing it kept', async () => {
    const out = memoryDestination()
    const guard = timeout({ onTimeout })
    const handler = guard.wrap(
      lambda()
        .use(guard)
        .use(logger({ destination: out, pretty: false, buffer: true }))
        .handler((_event, context) => {
          context.log.debug('kept')
          return 'ok'
        }),
    )
    expect(await timedOut(handler)).toBe('ok')
    expect(out.lines).toEqual([])
  })
})
