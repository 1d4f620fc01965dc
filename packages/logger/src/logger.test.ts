import middy from '@middy/core'
import { lambda, lifecycle } from '@sluice/core'
import { createContext, invoke, invokeResult } from '@sluice/testing'
import { afterEach, describe, expect, test, vi } from 'vitest'
import { sample as fixture } from '../../../test/fixtures/corpora/load.ts'
import { childForRecord } from './child-for-record.ts'
import { createLogger } from './create-logger.ts'
import { LoggerError } from './errors.ts'
import { logger } from './logger.ts'
import { memoryDestination } from './memory-destination.ts'

const TRACE = 'Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1'

afterEach(() => {
  vi.unstubAllEnvs()
})

describe('logger(): the child bound to each invocation', () => {
  test('carries request id, function name, version, memory, cold start, trace id and correlation id', async () => {
    vi.stubEnv('_X_AMZN_TRACE_ID', TRACE)
    const out = memoryDestination()
    const handler = lambda()
      .use(logger({ destination: out, pretty: false, service: 'orders' }))
      .handler((_event, context) => {
        context.log.info({ items: 3 }, 'accepted')
      })
    const context = createContext({ functionName: 'orders-api', functionVersion: '7', memoryMb: 512 })
    await invoke(handler, fixture('apigw-request.json'), { context })
    await invoke(handler, fixture('apigw-request.json'), { functionName: 'orders-api' })
    const [cold, warm] = out.records()
    expect(cold).toEqual({
      level: 'info',
      timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      service: 'orders',
      requestId: context.awsRequestId,
      functionName: 'orders-api',
      functionVersion: '7',
      memoryMb: 512,
      coldStart: true,
      traceId: '1-5759e988-bd862e3fe1be46a994272793',
      correlationId: 'deef4878-7910-11e6-8f14-25afc3e9ae33',
      items: 3,
      msg: 'accepted',
    })
    expect(warm).toMatchObject({ coldStart: false })
    expect(warm?.requestId).not.toBe(cold?.requestId)
  })

  test('uses the builder lifecycle for cold start: provisioned concurrency is never cold', async () => {
    vi.stubEnv('AWS_LAMBDA_INITIALIZATION_TYPE', 'provisioned-concurrency')
    const out = memoryDestination()
    const handler = lambda()
      .use(logger({ destination: out, pretty: false }))
      .handler((_event, context) => context.log.info('x'))
    await invoke(handler, {})
    expect(out.records()[0]?.coldStart).toBe(false)
  })

  test('a custom correlationId function replaces the built-in rules', async () => {
    const out = memoryDestination()
    const handler = lambda()
      .use(
        logger({
          destination: out,
          pretty: false,
          correlationId: (event) => (event as { order: string }).order,
        }),
      )
      .handler((_event, context) => context.log.info('x'))
    await invoke(handler, { order: 'o-9', requestContext: { requestId: 'r' } })
    expect(out.records()[0]?.correlationId).toBe('o-9')
  })

  test('works in a plain middy stack, counting cold starts itself', async () => {
    const out = memoryDestination()
    const handler = middy()
      .use(logger({ destination: out, pretty: false }))
      .handler(async (_event: unknown, context) => {
        ;(context as typeof context & { log: import('pino').Logger }).log.info('plain')
      })
    await handler(fixture('codebuild-state-change.json'), createContext())
    await handler({}, createContext())
    expect(out.records().map((r) => [r.coldStart, r.correlationId])).toEqual([
      [true, 'c030038d-8c4d-6141-9545-00ff7b7153EX'],
      [false, undefined],
    ])
  })

  test('shares a root made at module scope, which logs outside invocations without request fields', async () => {
    const out = memoryDestination()
    const root = createLogger({ destination: out, pretty: false, service: 'orders' })
    root.info('init')
    const handler = middy()
      .use(lifecycle())
      .use(logger({ root }))
      .handler(async (_event: unknown, context) => {
        ;(context as typeof context & { log: import('pino').Logger }).log.info('invoked')
      })
    await handler({}, createContext())
    const [init, invoked] = out.records()
    expect(init).not.toHaveProperty('requestId')
    expect(init).toMatchObject({ service: 'orders', msg: 'init' })
    expect(invoked).toMatchObject({ service: 'orders', msg: 'invoked', coldStart: true })
  })
})

describe('event and response logging', () => {
  test('logs the event and the response without the omitted paths, and leaves them unchanged', async () => {
    const out = memoryDestination()
    const handler = lambda()
      .use(
        logger({
          destination: out,
          pretty: false,
          logEvent: { omit: ['body', 'requestContext.identity'] },
          logResponse: { omit: ['body'] },
        }),
      )
      .handler(() => ({ statusCode: 200, body: 'secret page', headers: { 'set-cookie': 'sid=1' } }))
    const event = fixture('apigw-request.json')
    const result = await invoke(handler, event)
    const [logged, response] = out.records()
    expect(logged?.msg).toBe('event')
    const loggedEvent = logged?.event as { path: string; requestContext: object }
    expect(loggedEvent).not.toHaveProperty('body')
    expect(loggedEvent.requestContext).not.toHaveProperty('identity')
    expect(loggedEvent.path).toBe('/hello/world')
    expect(event).toHaveProperty('body')
    expect(response).toMatchObject({
      msg: 'response',
      response: { statusCode: 200, headers: { 'set-cookie': '[Redacted]' } },
    })
    expect(response?.response).not.toHaveProperty('body')
    expect(result.body).toBe('secret page')
  })
})

describe('bad options', () => {
  test.each([
    [{ sampleRate: 1.5 }, 'LOGGER_INVALID_OPTION', ['sampleRate']],
    [{ buffer: { maxLines: 0 } }, 'LOGGER_INVALID_OPTION', ['buffer', 'maxLines']],
    [{ buffer: { level: 'silent' as const } }, 'INVALID_BUFFER_OPTION', ['buffer', 'level']],
    [{ logEvent: { omit: ['headers..cookie'] } }, 'INVALID_OMIT_PATH', ['logEvent', 'omit', 0]],
    [
      { root: createLogger({ destination: memoryDestination() }), level: 'debug' as const },
      'INVALID_LOGGER_OPTIONS',
      ['level'],
    ],
  ])('%o throws %s when the middleware is created', (options, code, path) => {
    let thrown: unknown
    try {
      logger(options)
    } catch (error) {
      thrown = error
    }
    expect(thrown).toBeInstanceOf(LoggerError)
    expect(thrown).toMatchObject({ code, path })
  })

  test('a bad level option fails the first invocation with INVALID_LOG_LEVEL (the root is made lazily)', async () => {
    const handler = lambda()
      .use(logger({ level: 'loud' as never, destination: memoryDestination() }))
      .handler(() => 'never')
    const outcome = await invokeResult(handler, {})
    expect(outcome.ok).toBe(false)
    expect(outcome.ok === false && outcome.error.errorMessage).toMatch(/level "loud" is not a level/)
  })
})

describe('childForRecord within an invocation', () => {
  test('each SQS record gets its own recordId on top of the invocation fields', async () => {
    const out = memoryDestination()
    const [record] = fixture('sqs-event.json').Records as Array<Record<string, unknown>>
    const records = [1, 2, 3].map((n) => ({ ...record, messageId: `m-${n}` }))
    const handler = lambda<{ Records: unknown[] }>()
      .use(logger({ destination: out, pretty: false }))
      .handler((event, context) => {
        for (const r of event.Records) childForRecord(context.log, r).info('record')
      })
    const context = createContext()
    await invoke(handler, { Records: records }, { context })
    expect(out.records().map((r) => [r.requestId, r.recordId, r.correlationId])).toEqual([
      [context.awsRequestId, 'm-1', undefined],
      [context.awsRequestId, 'm-2', undefined],
      [context.awsRequestId, 'm-3', undefined],
    ])
  })
})
