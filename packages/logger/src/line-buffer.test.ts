import { lambda } from '@sluice/core'
import { invoke, invokeResult } from '@sluice/testing'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { bufferLimits, LineBuffer } from './line-buffer.ts'
import { logger } from './logger.ts'
import { memoryDestination } from './memory-destination.ts'

type Step = (log: import('pino').Logger) => void

const run = async (steps: Step[], fail: boolean, options: Parameters<typeof logger>[0] = {}) => {
  const out = memoryDestination()
  const handler = lambda()
    .use(logger({ destination: out, pretty: false, level: 'info', buffer: true, ...options }))
    .handler((_event, context) => {
      for (const step of steps) step(context.log)
      if (fail) throw new Error('boom')
      return 'ok'
    })
  const outcome = await invokeResult(handler, {})
  return { out, outcome, handler }
}

describe('log buffering', () => {
  test('drops the kept lines when the invocation succeeds', async () => {
    const { out, outcome } = await run([(log) => log.debug('detail'), (log) => log.info('summary')], false)
    expect(outcome.ok).toBe(true)
    expect(out.records().map((r) => r.msg)).toEqual(['summary'])
  })

  test('writes the kept lines, oldest first and as they were, when the invocation fails', async () => {
    const steps: Step[] = [
      (log) => log.debug({ step: 1 }, 'first'),
      (log) => log.info('summary'),
      (log) => log.trace('not kept: below the buffer level'),
      (log) => log.debug({ step: 2 }, 'second'),
    ]
    const { out, outcome } = await run(steps, true)
    expect(outcome.ok).toBe(false)
    const records = out.records()
    expect(records.map((r) => [r.level, r.msg])).toEqual([
      ['info', 'summary'],
      ['debug', 'first'],
      ['debug', 'second'],
    ])
    expect(records[1]?.requestId).toBe(records[0]?.requestId)
  })

  test('an error line writes the kept lines first (flushOnErrorLog), unless turned off', async () => {
    const steps: Step[] = [
      (log) => log.debug('before'),
      (log) => log.error('failed'),
      (log) => log.debug('after'),
    ]
    const on = await run(steps, false)
    expect(on.out.records().map((r) => r.msg)).toEqual(['before', 'failed'])
    const off = await run(steps, false, { buffer: { flushOnErrorLog: false } })
    expect(off.out.records().map((r) => r.msg)).toEqual(['failed'])
  })

  test('keeps at most maxLines, dropping the oldest and saying how many', async () => {
    const steps: Step[] = Array.from({ length: 10 }, (_, i) => (log) => log.debug(`line ${i}`))
    const { out } = await run(steps, true, { buffer: { maxLines: 3 } })
    const records = out.records()
    expect(records[0]).toMatchObject({ level: 'warn', droppedLines: 7 })
    expect(records.slice(1).map((r) => r.msg)).toEqual(['line 7', 'line 8', 'line 9'])
  })

  test('a sampled invocation writes debug lines at once instead of keeping them', async () => {
    const { out } = await run([(log) => log.debug('detail')], false, { sampleRate: 1 })
    expect(out.records().map((r) => r.msg)).toEqual(['detail'])
  })

  test('invocations do not share a buffer', async () => {
    const out = memoryDestination()
    const handler = lambda<{ fail: boolean; n: number }>()
      .use(logger({ destination: out, pretty: false, buffer: true }))
      .handler((event, context) => {
        context.log.debug(`kept ${event.n}`)
        if (event.fail) throw new Error('boom')
      })
    await invoke(handler, { fail: false, n: 1 })
    await invokeResult(handler, { fail: true, n: 2 })
    expect(out.records().map((r) => r.msg)).toEqual(['kept 2'])
  })
})

describe('order with an error handler that answers', () => {
  const answer = { onError: () => ({ statusCode: 500 }) }
  const handlerWith = (
    order: 'logger-after-handler' | 'logger-first',
    out: ReturnType<typeof memoryDestination>,
  ) => {
    const log = logger({ destination: out, pretty: false, buffer: true })
    const base = order === 'logger-first' ? lambda().use(log).use(answer) : lambda().use(answer).use(log)
    return base.handler((_event, context) => {
      context.log.debug('context for the failure')
      throw new Error('boom')
    })
  }

  test('logger used after the error handler: its onError runs first and writes the buffer', async () => {
    const out = memoryDestination()
    expect(await invoke(handlerWith('logger-after-handler', out), {})).toEqual({ statusCode: 500 })
    expect(out.records().map((r) => r.msg)).toEqual(['context for the failure'])
  })

  test('logger used before it: middy stops at the answer before the logger, which still writes the buffer', async () => {
    const out = memoryDestination()
    expect(await invoke(handlerWith('logger-first', out), {})).toEqual({ statusCode: 500 })
    expect(out.records().map((r) => r.msg)).toEqual(['context for the failure'])
  })
})

describe('LineBuffer', () => {
  test('never holds more than maxLines or maxBytes characters, and counts every dropped line', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 1, max: 200 }),
        fc.array(fc.string({ maxLength: 60 }), { maxLength: 300 }),
        (maxLines, maxBytes, lines) => {
          const limits = bufferLimits({ maxLines, maxBytes })
          if (limits === undefined) throw new Error('limits expected')
          const buffer = new LineBuffer(limits)
          for (const line of lines) buffer.push(line)
          const kept = buffer.take()
          expect(kept.length).toBeLessThanOrEqual(maxLines)
          expect(kept.join('').length).toBeLessThanOrEqual(maxBytes)
          expect(kept.length + buffer.dropped).toBe(lines.length)
          expect(kept).toEqual(lines.slice(lines.length - kept.length))
        },
      ),
    )
  })
})
