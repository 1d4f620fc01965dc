import { existsSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics'
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware'
import httpErrorHandler from '@middy/http-error-handler'
import { lambda, SluiceError } from '@sluice/core'
import { logger, memoryDestination } from '@sluice/logger'
import { captureStdio, createClock, invoke } from '@sluice/testing'
import { sleep, timeout } from '@sluice/timeout'
import { tmp } from '@sluice/tmp'
import { tracer } from '@sluice/tracer'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'

const values = (documents: ReadonlyArray<Record<string, unknown>>) =>
  documents.map((document) => document.Handled)
let root: string
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'sluice-interop-'))
})
afterEach(async () => {
  await rm(root, { recursive: true, force: true })
})

describe('Powertools logMetrics among sluice middlewares: no flush is lost', () => {
  test('success: one EMF line with the values and dimensions, beside tmp, tracer and the logger', async () => {
    const metrics = new Metrics({ namespace: 'Shop', serviceName: 'orders' })
    const lines = memoryDestination()
    let scratch = ''
    const handler = lambda<{ kind: string }>()
      .use(tmp({ root }))
      .use(timeout())
      .use(logger({ destination: lines }))
      .use(tracer())
      .use(logMetrics(metrics, { defaultDimensions: { stage: 'test' } }))
      .handler(async (event, context) => {
        scratch = context.tmp.dir
        await writeFile(context.tmp.file('work.txt'), 'x')
        metrics.addDimension('kind', event.kind)
        metrics.addMetric('Handled', MetricUnit.Count, 1)
        metrics.addMetric('Handled', MetricUnit.Count, 2)
        metrics.addMetric('Bytes', MetricUnit.Bytes, 512)
        context.log.info('handled')
        return 'ok'
      })
    using stdio = captureStdio()
    expect(await invoke(handler, { kind: 'refund' })).toBe('ok')

    expect(stdio.emf()).toEqual([
      {
        _aws: {
          Timestamp: expect.any(Number),
          CloudWatchMetrics: [
            {
              Namespace: 'Shop',
              Dimensions: [['service', 'stage', 'kind']],
              Metrics: [
                { Name: 'Handled', Unit: 'Count' },
                { Name: 'Bytes', Unit: 'Bytes' },
              ],
            },
          ],
        },
        service: 'orders',
        stage: 'test',
        kind: 'refund',
        Handled: [1, 2],
        Bytes: 512,
      },
    ])
    expect(lines.records().map((line) => line.msg)).toContain('handled')
    expect(existsSync(scratch)).toBe(false)
  })

  test('an error: onError flushes what was added before the throw, and the catch point still answers', async () => {
    const metrics = new Metrics({ namespace: 'Shop' })
    const handler = lambda()
      .use(logger({ destination: memoryDestination() }))
      .use(logMetrics(metrics))
      .catch((error) => ({ failed: error.code }))
      .handler(async () => {
        metrics.addMetric('Handled', MetricUnit.Count, 1)
        throw new SluiceError('no stock', { code: 'NO_STOCK', status: 409 })
      })
    using stdio = captureStdio()
    expect(await invoke(handler, {})).toEqual({ failed: 'NO_STOCK' })
    expect(values(stdio.emf())).toEqual([1])
  })

  test('@middy/http-error-handler answers without returning: onError hooks used before it still flush', async () => {
    const metrics = new Metrics({ namespace: 'Shop' })
    const handler = lambda()
      .use(logMetrics(metrics))
      .use(httpErrorHandler({ logger: false }))
      .handler(async () => {
        metrics.addMetric('Handled', MetricUnit.Count, 3)
        throw new SluiceError('No such order', { code: 'NOT_FOUND', status: 404 })
      })
    using stdio = captureStdio()
    expect(await invoke(handler, {})).toMatchObject({ statusCode: 404, body: 'No such order' })
    expect(values(stdio.emf())).toEqual([3])
  })

  describe('a timeout guard answering from after/onError', () => {
    const timedOut = (order: 'guard first' | 'guard after logMetrics') => {
      const clock = createClock(0)
      const metrics = new Metrics({ namespace: 'Shop' })
      const guard = timeout({ clock, onTimeout: () => ({ statusCode: 503 }) })
      const base = lambda()
      const chain =
        order === 'guard first'
          ? base.use(guard).use(logMetrics(metrics))
          : base.use(logMetrics(metrics)).use(guard)
      let calls = 0
      const handler = chain.handler(async (_event, context) => {
        calls += 1
        metrics.addMetric('Handled', MetricUnit.Count, calls)
        if (calls === 1) await sleep(60_000, { clock, signal: context.timeout.signal })
        return { statusCode: 200 }
      })
      return { clock, handler }
    }

    test('used first, its answer cuts nothing: the timed-out invocation flushes its own metrics', async () => {
      const { clock, handler } = timedOut('guard first')
      using stdio = captureStdio()
      const pending = invoke(handler, {}, { clock, timeoutMs: 3000 })
      await clock.advance(2500)
      expect(await pending).toEqual({ statusCode: 503 })
      expect(values(stdio.emf())).toEqual([1])

      expect(await invoke(handler, {}, { clock, timeoutMs: 3000 })).toEqual({ statusCode: 200 })
      expect(values(stdio.emf())).toEqual([1, 2])
    })

    test('used after logMetrics, its answer skips the flush: the metric leaks into the next invocation', async () => {
      const { clock, handler } = timedOut('guard after logMetrics')
      using stdio = captureStdio()
      const pending = invoke(handler, {}, { clock, timeoutMs: 3000 })
      await clock.advance(2500)
      expect(await pending).toEqual({ statusCode: 503 })
      expect(stdio.emf()).toEqual([])

      await invoke(handler, {}, { clock, timeoutMs: 3000 })
      expect(values(stdio.emf())).toEqual([[1, 2]])
    })
  })
})
