import { Readable } from 'node:stream'
import { lambda } from '@sluice/core'
import { after, createClock, invoke } from '@sluice/testing'
import { describe, expect, test } from 'vitest'
import { timeout } from './timeout.ts'

describe('timeout() in a streaming handler', () => {
  test('at deadline − margin the stream ends with the TimeoutError, after the cleanups and the flush', async () => {
    const clock = createClock(0)
    const log: string[] = []
    const guard = timeout({
      clock,
      flush: [() => log.push('flushed')],
      onTimeout: () => {
        log.push('onTimeout')
        return 'never sent'
      },
    })
    const handler = lambda({ clock })
      .use(guard)
      .stream(async (_event, stream, context) => {
        context.timeout.onCleanup(() => log.push(`cleanup at ${clock.now()}`))
        // Ignores the signal on purpose: the guard must end the stream anyway.
        for (;;) {
          stream.write(`tick ${clock.now()};`)
          await after(clock, 200)
        }
      })
    const pending = invoke(handler, {}, { clock, timeoutMs: 1_000 })
    await clock.advance(1_000)
    const streamed = await pending
    expect(streamed.body).toBe('tick 0;tick 200;tick 400;')
    expect(streamed.error).toMatchObject({
      errorType: 'TimeoutError',
      errorMessage: expect.stringContaining('stopped 500 ms before its deadline'),
    })
    expect(log).toEqual(['cleanup at 500', 'flushed'])
  })

  test('a handler that fails because the guard aborted its signal ends the stream with the TimeoutError', async () => {
    const clock = createClock(0)
    const log: string[] = []
    const handler = lambda({ clock })
      .use(timeout({ clock, flush: [() => log.push('flushed')] }))
      .stream(async (_event, stream, context) => {
        const { signal } = context.timeout
        stream.write('page 1;')
        // What a fetch or a timers/promises sleep does with the signal: reject with an AbortError.
        await new Promise((_resolve, reject) =>
          signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
        )
      })
    const pending = invoke(handler, {}, { clock, timeoutMs: 1_000 })
    await clock.advance(1_000)
    const streamed = await pending
    expect(streamed.body).toBe('page 1;')
    expect(streamed.error?.errorType).toBe('TimeoutError')
    expect(log).toEqual(['flushed'])
  })

  test('a body the handler returned is still guarded while it is piped', async () => {
    const clock = createClock(0)
    async function* slowRows() {
      for (let row = 0; ; row += 1) {
        yield `row ${row};`
        await after(clock, 300)
      }
    }
    const handler = lambda({ clock })
      .use(timeout({ clock }))
      .stream(() => ({ statusCode: 200, body: Readable.from(slowRows()) }))
    const pending = invoke(handler, {}, { clock, timeoutMs: 2_000 })
    await clock.advance(2_000)
    const streamed = await pending
    expect(streamed.prelude).toEqual({ statusCode: 200 })
    expect(streamed.body).toBe('row 0;row 1;row 2;row 3;row 4;')
    expect(streamed.error?.errorType).toBe('TimeoutError')
  })

  test('a stream that ends in time disarms the guard: no timer outlives the invocation', async () => {
    const clock = createClock(0)
    const handler = lambda({ clock })
      .use(timeout({ clock }))
      .stream(async (_event, stream) => {
        stream.write('quick')
        await after(clock, 100)
        return ' and done'
      })
    const pending = invoke(handler, {}, { clock, timeoutMs: 3_000 })
    await clock.advance(100)
    const streamed = await pending
    expect(streamed).toMatchObject({ body: 'quick and done' })
    expect(streamed.error).toBeUndefined()
    expect(clock.pending()).toBe(0)
  })

  test('a guard already past deadline − margin when it starts ends the stream at once', async () => {
    const clock = createClock(0)
    const slow = {
      before: async () => {
        await after(clock, 900)
      },
    }
    const handler = lambda({ clock })
      .use(slow)
      .use(timeout({ clock }))
      .stream(async (_event, stream) => {
        stream.write('late')
        await after(clock, 50)
        stream.end()
      })
    const pending = invoke(handler, {}, { clock, timeoutMs: 1_000 })
    await clock.advance(1_000)
    expect((await pending).error?.errorType).toBe('TimeoutError')
  })
})
