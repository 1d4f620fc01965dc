// Issue 21's acceptance for asynchronous invocation, through the real aws-lambda-ric: an event that always fails is
// tried three times (retries after 1 and 2 minutes of Lambda time), then its record goes to the on-failure destination.
import { fileURLToPath } from 'node:url'
import { type AsyncInvocationRecord, asyncInvoker, type Runtime, startRuntime } from '@sluice/runtime'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('../..', import.meta.url))
const MINUTE = 60_000

describe('asynchronous invocation through the real RIC', () => {
  let fails: Runtime
  let echo: Runtime
  beforeAll(async () => {
    fails = await startRuntime({ handler: 'test/fixtures/event-sources/async-fails.mjs#handler', cwd: root })
    echo = await startRuntime({ handler: 'test/fixtures/event-sources/async-echo.mjs#handler', cwd: root })
  })
  afterAll(async () => {
    await fails?.stop()
    await echo?.stop()
  })

  it('tries an always-failing event three times, 1 then 2 minutes apart, then sends its record on failure', async () => {
    await using invoker = asyncInvoker({
      function: fails,
      timeScale: 100,
      destinationConfig: { onFailure: { destination: 'failed-orders' } },
    })
    const attempts: string[] = []
    invoker.onAttempt((attempt) => attempts.push(attempt.result.requestId))
    const [id] = await invoker.send({ orderId: 'o-1' })
    await invoker.quiet({ timeoutMs: 60_000 })

    expect(attempts).toEqual([id, id, id])
    const [fate] = invoker.fates()
    expect(fate).toMatchObject({ id, receiveCount: 3, state: 'destination' })
    const delivered = fate?.steps.filter((step) => step.state === 'in-flight') ?? []
    const waits = fate?.steps.filter((step) => step.state === 'redelivered') ?? []
    expect(delivered.map((step) => step.requestId)).toEqual([id, id, id])
    expect(waits).toHaveLength(2)
    // Lambda time: each wait runs from the failed attempt to the next delivery. Timers never fire early; a loaded
    // machine makes them late, so the upper bounds are generous.
    const firstWait = (delivered[1]?.at ?? 0) - (waits[0]?.at ?? 0)
    const secondWait = (delivered[2]?.at ?? 0) - (waits[1]?.at ?? 0)
    expect(firstWait).toBeGreaterThanOrEqual(0.99 * MINUTE)
    expect(firstWait).toBeLessThan(1.75 * MINUTE)
    expect(secondWait).toBeGreaterThanOrEqual(1.99 * MINUTE)
    expect(secondWait).toBeLessThan(2.75 * MINUTE)

    const [record, ...more] = invoker.outputs().onFailure as AsyncInvocationRecord[]
    expect(more).toEqual([])
    expect(invoker.outputs().onSuccess).toEqual([])
    expect(record).toMatchObject({
      version: '1.0',
      requestContext: {
        requestId: id,
        functionArn: `${fails.config.functionArn}:$LATEST`,
        condition: 'RetriesExhausted',
        approximateInvokeCount: 3,
      },
      requestPayload: { orderId: 'o-1' },
      responseContext: { statusCode: 200, executedVersion: '$LATEST', functionError: 'Unhandled' },
      responsePayload: { errorType: 'Error', errorMessage: 'always fails: {"orderId":"o-1"}' },
    })
    expect(Date.parse(record?.timestamp ?? '')).toBeGreaterThanOrEqual(delivered[2]?.at ?? Infinity)
  })

  it('sends a success to the on-success destination with what the function returned', async () => {
    await using invoker = asyncInvoker({
      function: echo,
      timeScale: 100,
      destinationConfig: { onSuccess: { destination: 'done' }, onFailure: { destination: 'failed' } },
    })
    const [id] = await invoker.send({ orderId: 'o-2' })
    await invoker.quiet({ timeoutMs: 30_000 })
    expect(invoker.fates()).toMatchObject([{ id, receiveCount: 1, state: 'processed' }])
    expect(invoker.outputs().onFailure).toEqual([])
    expect(invoker.outputs().onSuccess).toEqual([
      expect.objectContaining({
        requestContext: expect.objectContaining({
          requestId: id,
          condition: 'Success',
          approximateInvokeCount: 1,
        }),
        requestPayload: { orderId: 'o-2' },
        responseContext: { statusCode: 200, executedVersion: '$LATEST' },
        responsePayload: { received: { orderId: 'o-2' } },
      }),
    ])
  })

  it('makes one attempt when maximumRetryAttempts is 0', async () => {
    await using invoker = asyncInvoker({
      function: fails,
      timeScale: 100,
      maximumRetryAttempts: 0,
      destinationConfig: { onFailure: { destination: 'failed' } },
    })
    await invoker.send({ orderId: 'o-3' })
    await invoker.quiet({ timeoutMs: 30_000 })
    expect(invoker.fates()).toMatchObject([{ receiveCount: 1, state: 'destination' }])
    expect(invoker.outputs().onFailure).toMatchObject([
      { requestContext: { condition: 'RetriesExhausted', approximateInvokeCount: 1 } },
    ])
  })

  it('drops a failed event whose age passes maximumEventAgeInSeconds before its retry', async () => {
    await using invoker = asyncInvoker({
      function: fails,
      timeScale: 100,
      maximumEventAgeInSeconds: 60,
      destinationConfig: { onFailure: { destination: 'failed' } },
    })
    await invoker.send({ orderId: 'o-4' })
    await invoker.quiet({ timeoutMs: 30_000 })
    const [fate] = invoker.fates()
    expect(fate).toMatchObject({ receiveCount: 1, state: 'dropped-by-age' })
    const sent = fate?.steps[0]?.at ?? 0
    // Dropped once 60 s of Lambda time had passed since it was sent, before the retry due 60 s after the failure.
    expect((fate?.steps.at(-1)?.at ?? 0) - sent).toBeGreaterThanOrEqual(59_000)
    expect(invoker.outputs().onFailure).toMatchObject([
      { requestContext: { condition: 'EventAgeExceeded', approximateInvokeCount: 1 } },
    ])
  })
})
