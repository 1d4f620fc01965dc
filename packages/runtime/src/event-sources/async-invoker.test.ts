import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { fakeResult } from '../../test-support/fake-result.ts'
import { SluiceRuntimeError } from '../errors.ts'
import { asyncInvoker } from './async-invoker.ts'
import { ASYNC_PAYLOAD_LIMIT_BYTES } from './async-payload.ts'
import type { InvokeTarget } from './source-types.ts'

/** An in-process function that fails its first `failures` calls; it records each call's event and request id. */
function flakyTarget(failures: number) {
  const calls: Array<{ event: unknown; requestId: string | undefined }> = []
  const target: InvokeTarget = {
    invoke: async (event, options) => {
      calls.push({ event, requestId: options?.requestId })
      const failed = calls.length <= failures
      return fakeResult(options?.requestId ?? 'fresh', failed ? { error: 'Error' } : { result: 'ok' })
    },
  }
  return { target, calls }
}

describe('asyncInvoker', () => {
  it('retries a function error with the same request id until it succeeds', async () => {
    const { target, calls } = flakyTarget(2)
    await using invoker = asyncInvoker({
      function: target,
      timeScale: 10_000,
      destinationConfig: { onSuccess: { destination: 'ok' } },
    })
    const [id] = await invoker.send({ n: 1 })
    await invoker.quiet({ timeoutMs: 30_000 })
    expect(calls.map((call) => call.requestId)).toEqual([id, id, id])
    expect(invoker.fates()).toMatchObject([{ id, receiveCount: 3, state: 'processed' }])
    expect(invoker.outputs().onSuccess).toMatchObject([
      { requestContext: { condition: 'Success', approximateInvokeCount: 3 }, responsePayload: 'ok' },
    ])
  })

  it('ends in retries-exhausted, with no record, when no on-failure destination is set', async () => {
    const { target } = flakyTarget(Number.POSITIVE_INFINITY)
    await using invoker = asyncInvoker({ function: target, timeScale: 10_000, maximumRetryAttempts: 1 })
    await invoker.send({ n: 1 })
    await invoker.quiet({ timeoutMs: 30_000 })
    expect(invoker.fates()).toMatchObject([{ receiveCount: 2, state: 'retries-exhausted' }])
    expect(invoker.outputs()).toEqual({ onSuccess: [], onFailure: [] })
  })

  it('accepts an event of exactly 1 MB of JSON and refuses one byte more, queueing nothing', async () => {
    const { target, calls } = flakyTarget(0)
    await using invoker = asyncInvoker({ function: target, timeScale: 10_000 })
    const fits = 'x'.repeat(ASYNC_PAYLOAD_LIMIT_BYTES - 2) // the JSON string's quotes make up the rest
    await expect(invoker.send(['small', `${fits}y`])).rejects.toMatchObject({
      code: 'EVENT_SOURCE_PAYLOAD_TOO_LARGE',
    })
    expect(invoker.fates()).toEqual([])
    await invoker.send(fits)
    await invoker.quiet({ timeoutMs: 30_000 })
    expect(calls).toHaveLength(1)
  })

  it('copies the event when it is sent, and refuses what is not JSON', async () => {
    const { target, calls } = flakyTarget(0)
    await using invoker = asyncInvoker({ function: target, timeScale: 10_000 })
    const event = { n: 1 }
    await invoker.send(event)
    event.n = 2
    await invoker.quiet({ timeoutMs: 30_000 })
    expect(calls[0]?.event).toEqual({ n: 1 })
    await expect(invoker.send(10n)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' })
    await expect(invoker.send(undefined)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' })
  })

  it('refuses sends after stop', async () => {
    const { target } = flakyTarget(0)
    const invoker = asyncInvoker({ function: target })
    await invoker.stop()
    await invoker.stop()
    await expect(invoker.send({})).rejects.toMatchObject({ code: 'EVENT_SOURCE_STOPPED' })
  })

  it('takes any option and answers with a typed error or Lambda’s settings', () => {
    const { target } = flakyTarget(0)
    const anyValue = fc.oneof(
      fc.integer({ min: -5, max: 30_000 }),
      fc.double(),
      fc.string(),
      fc.constant(undefined),
    )
    fc.assert(
      fc.property(
        anyValue,
        anyValue,
        fc.oneof(fc.jsonValue(), fc.constant(undefined)),
        (retries, age, destinations) => {
          const options = {
            function: target,
            maximumRetryAttempts: retries,
            maximumEventAgeInSeconds: age,
            destinationConfig: destinations,
          }
          try {
            const { config } = asyncInvoker(options as never)
            expect(config.maximumRetryAttempts).toBeGreaterThanOrEqual(0)
            expect(config.maximumRetryAttempts).toBeLessThanOrEqual(2)
            expect(config.maximumEventAgeInSeconds).toBeGreaterThanOrEqual(60)
            expect(config.maximumEventAgeInSeconds).toBeLessThanOrEqual(21_600)
          } catch (error) {
            expect(error).toBeInstanceOf(SluiceRuntimeError)
            expect((error as SluiceRuntimeError).code).toBe('EVENT_SOURCE_INVALID_OPTION')
          }
        },
      ),
    )
  })
})
