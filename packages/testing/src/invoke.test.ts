import type { Context } from 'aws-lambda'
import { afterEach, describe, expect, test, vi } from 'vitest'
import { createClock } from './clock.ts'
import { createContext } from './context.ts'
import { LambdaInvokeError } from './errors.ts'
import { invoke, invokeResult } from './invoke.ts'
import { after, hang } from './virtual-time.ts'

afterEach(() => {
  vi.useRealTimers()
})

class PaymentDeclinedError extends Error {
  override name = 'PaymentDeclinedError'
}

describe('invoke', () => {
  test('resolves with what an async or a plain handler returns, given the event and a context', async () => {
    const seen: Context[] = []
    const asyncHandler = async (event: { n: number }, context: Context) => {
      seen.push(context)
      return event.n * 2
    }
    expect(await invoke(asyncHandler, { n: 21 }, { functionName: 'doubler' })).toBe(42)
    expect(seen[0]?.functionName).toBe('doubler')
    expect(await invoke((event: string) => event.toUpperCase(), 'plain')).toBe('PLAIN')
  })

  test('uses a ready context as is', async () => {
    const context = createContext({ awsRequestId: 'req-7' })
    expect(await invoke((_event: unknown, ctx: Context) => ctx, {}, { context })).toBe(context)
  })

  test('rejects an overrunning handler with a Lambda timeout on the virtual clock, and not before', async () => {
    const clock = createClock(0)
    const outcome = invoke(hang, {}, { timeoutMs: 3_000, clock }).catch((error: unknown) => error)
    await clock.advance(2_999)
    const early = await Promise.race([outcome, Promise.resolve('still running')])
    expect(early).toBe('still running')
    await clock.advance(1)
    const error = await outcome
    expect(error).toBeInstanceOf(LambdaInvokeError)
    expect(error).toMatchObject({
      code: 'LAMBDA_INVOKE_FAILED',
      errorType: 'Sandbox.Timedout',
      lambdaError: {
        errorType: 'Sandbox.Timedout',
        errorMessage: 'Task timed out after 3.00 seconds',
        trace: [],
      },
    })
  })

  test('times out with the default clock under vitest fake timers, and words seconds like Lambda', async () => {
    vi.useFakeTimers()
    const outcome = invoke(hang, {}, { timeoutMs: 1_234 }).catch((error: unknown) => error)
    await vi.advanceTimersByTimeAsync(1_234)
    expect(await outcome).toMatchObject({ message: 'Sandbox.Timedout: Task timed out after 1.23 seconds' })
  })

  test('times out on the clock a ready context was made with, counting from its remaining time', async () => {
    const clock = createClock(0)
    const context = createContext({ timeoutMs: 1_000, clock })
    await clock.advance(600)
    const outcome = invoke(hang, {}, { context }).catch((error: unknown) => error)
    await clock.advance(400)
    expect(await outcome).toMatchObject({
      lambdaError: { errorMessage: 'Task timed out after 1.00 seconds' },
    })
  })

  test('lets a handler that finishes before the deadline succeed, and clears its timer', async () => {
    const clock = createClock(0)
    const sleepy = () => after(clock, 2_000, 'awake')
    const outcome = invoke(sleepy, {}, { timeoutMs: 3_000, clock })
    await clock.advance(2_000)
    expect(await outcome).toBe('awake')
    expect(clock.pending()).toBe(0)
  })

  test('clears the global timer too', async () => {
    vi.useFakeTimers()
    expect(await invoke(async () => 'ok', {})).toBe('ok')
    expect(vi.getTimerCount()).toBe(0)
  })

  test('turns a thrown error into the Lambda error shape and keeps it as cause', async () => {
    const thrown = new PaymentDeclinedError('card expired')
    const error = await invoke(async () => Promise.reject(thrown), {}).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(LambdaInvokeError)
    if (!(error instanceof LambdaInvokeError)) return
    expect(error.cause).toBe(thrown)
    expect(error.lambdaError.errorType).toBe('PaymentDeclinedError')
    expect(error.lambdaError.errorMessage).toBe('card expired')
    expect(error.lambdaError.trace[0]).toBe('PaymentDeclinedError: card expired')
    expect(error.lambdaError.trace.length).toBeGreaterThan(1)
  })

  test('treats a synchronous throw like a rejection', async () => {
    const handler = (event: { value?: string }) => event.value!.length
    await expect(invoke(handler, {})).rejects.toMatchObject({ errorType: 'TypeError' })
  })

  test('reports a thrown non-error by its typeof, as the Node.js runtime does', async () => {
    const error = await invoke(() => Promise.reject('nope'), {}).catch((e: unknown) => e)
    expect(error).toMatchObject({ lambdaError: { errorType: 'string', errorMessage: 'nope', trace: [] } })
  })

  test('fails a result JSON cannot encode, but returns an encodable one as the same object', async () => {
    const circular: { self?: unknown } = {}
    circular.self = circular
    await expect(invoke(() => circular, {})).rejects.toMatchObject({
      errorType: 'Runtime.JSONStringifyError',
      lambdaError: { errorMessage: 'Unable to stringify response body' },
    })
    await expect(invoke(() => ({ big: 1n }), {})).rejects.toMatchObject({
      errorType: 'Runtime.JSONStringifyError',
    })
    const result = { when: new Date(0) }
    expect(await invoke(() => result, {})).toBe(result)
  })

  test('swallows a rejection that arrives after the timeout (the sandbox would be gone)', async () => {
    const clock = createClock(0)
    const late = () => new Promise((_, reject) => clock.setTimeout(() => reject(new Error('late')), 5_000))
    const outcome = invoke(late, {}, { timeoutMs: 1_000, clock }).catch((error: unknown) => error)
    await clock.advance(5_000)
    expect(await outcome).toMatchObject({ errorType: 'Sandbox.Timedout' })
  })
})

describe('invokeResult', () => {
  test('resolves with the result and the context the handler saw', async () => {
    const outcome = await invokeResult(async (_event: unknown, context: Context) => context.awsRequestId, {})
    expect(outcome.ok).toBe(true)
    if (outcome.ok) expect(outcome.result).toBe(outcome.context.awsRequestId)
  })

  test('resolves, never rejects, with the Lambda error body on failure and timeout', async () => {
    const failed = await invokeResult(async () => {
      throw new PaymentDeclinedError('declined')
    }, {})
    expect(failed).toMatchObject({
      ok: false,
      error: { errorType: 'PaymentDeclinedError', errorMessage: 'declined' },
    })

    const clock = createClock(0)
    const pending = invokeResult(hang, {}, { clock, timeoutMs: 10 })
    await clock.advance(10)
    expect(await pending).toMatchObject({ ok: false, error: { errorType: 'Sandbox.Timedout' } })
  })
})
