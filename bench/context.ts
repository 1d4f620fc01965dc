import { type ContextOptions, createContext } from '@sluice/testing'
import type { Context } from 'aws-lambda'

/**
 * A Lambda context for benchmarks: its remaining time stays at `timeoutMs` however long the run takes (a clock
 * that never moves), so every measured call sees what a fresh invocation sees, and groups measured minutes after
 * the runner imported them do not find their context past its deadline.
 *
 * @example
 * const context = benchContext({ timeoutMs: 60_000 })
 */
export const benchContext = (options: Omit<ContextOptions, 'clock'> = {}) =>
  createContext({ timeoutMs: 60_000, ...options, clock: { now: () => 0 } })

/**
 * A fresh Lambda context per call, built the way aws-lambda-ric's ContextBuilder builds one for every invocation
 * (the header data, then the environment data, with its own `getRemainingTimeInMillis` closure over a deadline
 * 60 s ahead). One context shared by every call would let whatever a framework caches on the context (sluice's
 * `context.lifecycle`, the guard on `context.timeout`) look free after the first call: a real invocation never
 * finds it there. Every subject of a group builds one, so its cost is the same on both sides of a ratio.
 *
 * @example
 * const response = await handler(event, invocationContext())
 */
export const invocationContext = (): Context => {
  const deadline = Date.now() + 60_000
  return Object.assign(
    {
      clientContext: undefined,
      identity: undefined,
      invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:bench',
      awsRequestId: '8f507cfc-8b2e-4a3f-9d5c-7b1e2f0a6c41',
      tenantId: undefined,
      xRayTraceId: undefined,
      getRemainingTimeInMillis: () => deadline - Date.now(),
    },
    {
      functionName: 'bench',
      functionVersion: '$LATEST',
      memoryLimitInMB: '128',
      logGroupName: '/aws/lambda/bench',
      logStreamName: '2026/12/07/[$LATEST]0a1b2c3d4e5f60718293a4b5c6d7e8f9',
    },
  ) as unknown as Context
}
