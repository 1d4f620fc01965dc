import type { Context } from 'aws-lambda'
import { afterEach, describe, expect, test, vi } from 'vitest'
import { createClock } from './clock.ts'
import { createContext } from './context.ts'
import { CallbackNotSupportedError, InvalidOptionError } from './errors.ts'

/** Every key of @types/aws-lambda's Context: this stops compiling when the type gains or loses one. */
const contextKeys = {
  callbackWaitsForEmptyEventLoop: true,
  functionName: true,
  functionVersion: true,
  invokedFunctionArn: true,
  memoryLimitInMB: true,
  awsRequestId: true,
  logGroupName: true,
  logStreamName: true,
  identity: true,
  clientContext: true,
  tenantId: true,
  getRemainingTimeInMillis: true,
  done: true,
  fail: true,
  succeed: true,
} satisfies Record<keyof Context, true>

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

afterEach(() => {
  vi.useRealTimers()
  vi.unstubAllEnvs()
})

describe('createContext', () => {
  test('has every Context field as an own key, optional ones included', () => {
    const context = createContext()
    for (const key of Object.keys(contextKeys)) {
      expect(Object.hasOwn(context, key), key).toBe(true)
    }
    expect(context.identity).toBeUndefined()
    expect(context.clientContext).toBeUndefined()
    expect(context.tenantId).toBeUndefined()
  })

  test('fills fields the way Lambda does by default', () => {
    vi.stubEnv('AWS_REGION', 'eu-west-1')
    const context = createContext()
    expect(context).toMatchObject({
      callbackWaitsForEmptyEventLoop: true,
      functionName: 'sluice-function',
      functionVersion: '$LATEST',
      invokedFunctionArn: 'arn:aws:lambda:eu-west-1:123456789012:function:sluice-function',
      memoryLimitInMB: '128',
      logGroupName: '/aws/lambda/sluice-function',
    })
    expect(context.awsRequestId).toMatch(UUID)
    expect(context.logStreamName).toMatch(/^\d{4}\/\d{2}\/\d{2}\/\[\$LATEST\][0-9a-f]{32}$/)
  })

  test('keeps ARN, log group and log stream consistent with the options', () => {
    const clock = createClock(Date.UTC(2025, 2, 7, 23, 59))
    const context = createContext({
      functionName: 'orders',
      functionVersion: '7',
      alias: 'live',
      region: 'ap-southeast-2',
      accountId: '111122223333',
      memoryMb: 1024,
      clock,
    })
    expect(context.invokedFunctionArn).toBe('arn:aws:lambda:ap-southeast-2:111122223333:function:orders:live')
    expect(context.logGroupName).toBe('/aws/lambda/orders')
    expect(context.logStreamName).toMatch(/^2025\/03\/07\/\[7\][0-9a-f]{32}$/)
    expect(context.memoryLimitInMB).toBe('1024')
  })

  test('gives a fresh request id on every call unless one is given', () => {
    const ids = new Set([createContext(), createContext(), createContext()].map((c) => c.awsRequestId))
    expect(ids.size).toBe(3)
    expect(createContext({ awsRequestId: 'req-1' }).awsRequestId).toBe('req-1')
  })

  test('passes identity, client context and tenant id through', () => {
    const identity = { cognitoIdentityId: 'id', cognitoIdentityPoolId: 'pool' }
    const context = createContext({ identity, tenantId: 'acme', callbackWaitsForEmptyEventLoop: false })
    expect(context.identity).toBe(identity)
    expect(context.tenantId).toBe('acme')
    expect(context.callbackWaitsForEmptyEventLoop).toBe(false)
  })

  test('counts remaining time down on a virtual clock from a deadline fixed at creation, never below 0', async () => {
    const clock = createClock(10_000)
    const context = createContext({ timeoutMs: 3_000, clock })
    expect(context.deadlineMs).toBe(13_000)
    expect(context.getRemainingTimeInMillis()).toBe(3_000)
    await clock.advance(1_250)
    expect(context.getRemainingTimeInMillis()).toBe(1_750)
    await clock.advance(5_000)
    expect(context.getRemainingTimeInMillis()).toBe(0)
    expect(context.deadlineMs).toBe(13_000)
  })

  test('follows vitest fake timers with the default clock', () => {
    vi.useFakeTimers({ now: 0 })
    const context = createContext({ timeoutMs: 2_000 })
    vi.advanceTimersByTime(500)
    expect(context.getRemainingTimeInMillis()).toBe(1_500)
    expect(Date.now() + context.getRemainingTimeInMillis()).toBe(context.deadlineMs)
  })

  test('refuses callback-style completion with a clear error', () => {
    const context = createContext()
    expect(() => context.succeed('ok')).toThrow(CallbackNotSupportedError)
    expect(() => context.fail('no')).toThrow(/callback-style completion was removed/)
    expect(() => context.done()).toThrow(expect.objectContaining({ code: 'CALLBACK_NOT_SUPPORTED' }))
  })

  test('rejects a timeout or memory that is not a positive number', () => {
    expect(() => createContext({ timeoutMs: 0 })).toThrow(InvalidOptionError)
    expect(() => createContext({ memoryMb: Number.NaN })).toThrow(
      expect.objectContaining({ path: 'memoryMb' }),
    )
  })
})
