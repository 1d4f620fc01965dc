import middy from '@middy/core'
import { lambda } from '@sluice/core'
import { createContext, invoke, invokeResult } from '@sluice/testing'
import type { Logger } from 'pino'
import { describe, expect, test } from 'vitest'
import { isErrorResponse } from './invocation-lines.ts'
import { logger } from './logger.ts'
import { memoryDestination } from './memory-destination.ts'

const messages = (out: ReturnType<typeof memoryDestination>) => out.records().map((r) => r.msg)

describe('what counts as a failed invocation (the kept lines are written)', () => {
  test.each([
    [{ statusCode: 500 }, true],
    [{ statusCode: 503, body: 'busy' }, true],
    [{ statusCode: 499 }, false],
    [{ statusCode: '500' }, false],
    ['500', false],
    [null, false],
  ])('response %o: error response %s', async (response, failed) => {
    const out = memoryDestination()
    const handler = lambda()
      .use(logger({ destination: out, pretty: false, buffer: true }))
      .handler((_event, context) => {
        context.log.debug('kept')
        return response
      })
    expect(await invoke(handler, {})).toEqual(response)
    expect(messages(out)).toEqual(failed ? ['kept'] : [])
  })

  test('a response whose statusCode getter throws is not an error response, and nothing throws', () => {
    const response = Object.defineProperty({}, 'statusCode', {
      get: () => {
        throw new Error('no')
      },
    })
    expect(isErrorResponse(response)).toBe(false)
  })

  test('an error caught by an onError that answers 500, whichever middleware comes first', async () => {
    for (const loggerFirst of [true, false]) {
      const out = memoryDestination()
      const log = logger({ destination: out, pretty: false, buffer: true })
      const answer = { onError: () => ({ statusCode: 500 }) }
      const stack = loggerFirst ? middy().use(log).use(answer) : middy().use(answer).use(log)
      const handler = stack.handler(async (_event: unknown, context) => {
        ;(context as typeof context & { log: Logger }).log.debug('context for the failure')
        throw new Error('boom')
      })
      expect(await handler({}, createContext())).toEqual({ statusCode: 500 })
      expect(messages(out)).toEqual(['context for the failure'])
    }
  })

  test('once the error is seen, lines from onError middlewares below the level are written at once', async () => {
    const out = memoryDestination()
    const handler = lambda()
      .use({
        onError: (request) => {
          ;(request.context as typeof request.context & { log: Logger }).log.debug('handling the error')
        },
      })
      .use(logger({ destination: out, pretty: false, buffer: true }))
      .handler((_event, context) => {
        context.log.debug('before the error')
        throw new Error('boom')
      })
    await invokeResult(handler, {})
    expect(messages(out)).toEqual(['before the error', 'handling the error'])
  })
})

describe('flush()', () => {
  test('context.log.flush() writes what the invocation kept so far, then flushes the destination', async () => {
    const out = memoryDestination()
    let flushed = 0
    const destination = {
      write: out.write,
      flush: (done: () => void) => {
        flushed += 1
        done()
      },
    }
    const handler = lambda()
      .use(logger({ destination, pretty: false, buffer: true }))
      .handler((_event, context) => {
        context.log.debug('one')
        context.log.flush()
        context.log.debug('two: kept again, dropped on success')
        return 'ok'
      })
    await invoke(handler, {})
    expect(messages(out)).toEqual(['one'])
    expect(flushed).toBe(1)
  })

  test("the middleware's flush() writes the kept lines of the invocation in flight; a no-op otherwise", async () => {
    const out = memoryDestination()
    const log = logger({ destination: out, pretty: false, buffer: true })
    expect(() => log.flush()).not.toThrow()
    const handler = lambda()
      .use(log)
      .handler((_event, context) => {
        context.log.debug('kept')
        log.flush()
        return 'ok'
      })
    await invoke(handler, {})
    log.flush()
    expect(messages(out)).toEqual(['kept'])
  })
})
