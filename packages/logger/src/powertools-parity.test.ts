import { Logger as PowertoolsLogger } from '@aws-lambda-powertools/logger'
import { correlationPaths, search } from '@aws-lambda-powertools/logger/correlationId'
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware'
import middy from '@middy/core'
import { lambda } from '@sluice/core'
import { createContext } from '@sluice/testing'
import type { Context } from 'aws-lambda'
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { sample as fixture } from '../../../test/fixtures/corpora/load.ts'
import { logger } from './logger.ts'
import { memoryDestination } from './memory-destination.ts'

// The reference is Powertools Logger itself (2.36.0, a dev dependency), run side by side with the same
// context, environment and event: if either changes its output, this test says how.

const TRACE = 'Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1'

beforeEach(() => {
  vi.stubEnv('_X_AMZN_TRACE_ID', TRACE)
  vi.stubEnv('AWS_LAMBDA_INITIALIZATION_TYPE', 'on-demand')
  vi.stubEnv('POWERTOOLS_SERVICE_NAME', 'orders')
  vi.stubEnv('POWERTOOLS_DEV', '')
})

afterEach(() => {
  vi.unstubAllEnvs()
  vi.restoreAllMocks()
})

const withoutTime = (line: Record<string, unknown>) => {
  const { timestamp, ...rest } = line
  expect(new Date(timestamp as string).toISOString()).toBe(timestamp)
  return rest
}

type Body = (log: {
  info(message: string, extra: object): void
  error(message: string, error: Error): void
}) => void

const powertoolsLines = async (event: unknown, contexts: Context[], body: Body) => {
  const written: string[] = []
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    written.push(String(chunk))
    return true
  })
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    written.push(String(chunk))
    return true
  })
  const log = new PowertoolsLogger({ correlationIdSearchFn: search })
  const handler = middy(async () =>
    body({ info: (message, extra) => log.info(message, extra as never), error: (m, e) => log.error(m, e) }),
  ).use(injectLambdaContext(log, { correlationIdPath: correlationPaths.API_GATEWAY_REST }))
  for (const context of contexts) await handler(event, context)
  vi.restoreAllMocks()
  return written
    .join('')
    .trim()
    .split('\n')
    .map((line) => withoutTime(JSON.parse(line)))
}

const sluiceLines = async (event: unknown, contexts: Context[], body: Body) => {
  const out = memoryDestination()
  const handler = lambda()
    .use(logger({ destination: out, pretty: false, fieldNames: 'powertools' }))
    .handler((_event, context) =>
      body({
        info: (message, extra) => context.log.info(extra, message),
        error: (message, error) => context.log.error(error, message),
      }),
    )
  for (const context of contexts) await handler(event, context)
  return out.records().map(withoutTime)
}

describe("fieldNames: 'powertools' matches Powertools Logger's output", () => {
  test('same keys and values for info lines on a cold and a warm invocation (timestamps aside)', async () => {
    const contexts = [
      createContext({ functionName: 'orders', memoryMb: 256 }),
      createContext({ functionName: 'orders', memoryMb: 256 }),
    ]
    const event = fixture('apigw-request.json')
    const body: Body = (log) => log.info('order placed', { orderId: 'o-1', cents: 1250 })
    const reference = await powertoolsLines(event, contexts, body)
    const ours = await sluiceLines(event, contexts, body)
    expect(reference).toHaveLength(2)
    expect(ours).toEqual(reference)
    expect(ours.map((line) => line.cold_start)).toEqual([true, false])
  })

  test('same error shape: name, location, message, stack, cause', async () => {
    const contexts = [createContext({ functionName: 'orders' })]
    const error = new TypeError('card declined', { cause: new RangeError('amount') })
    const body: Body = (log) => log.error('payment failed', error)
    const reference = await powertoolsLines(fixture('apigw-request.json'), contexts, body)
    const ours = await sluiceLines(fixture('apigw-request.json'), contexts, body)
    expect(ours).toEqual(reference)
    expect(ours[0]).toMatchObject({
      level: 'ERROR',
      error: { name: 'TypeError', cause: { name: 'RangeError' } },
    })
  })
})
