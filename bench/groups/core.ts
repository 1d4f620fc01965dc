import middy from '@middy/core'
import { lambda } from '@sluice/core'
import type { Context } from 'aws-lambda'
import type { BenchGroup } from '../types.ts'

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

const noop = { before: () => {}, after: () => {} }
const event = { id: 'x' }
const body = async (input: { id: string }) => input.id

const bare = async (input: { id: string }, _context: Context) => body(input)

const withMiddlewares = (count: number) => {
  let viaSluice = lambda<{ id: string }>()
  let viaMiddy = middy<{ id: string }>()
  let viaMiddyNoTimer = middy<{ id: string }>({ timeoutEarlyInMillis: 0 })
  for (let i = 0; i < count; i++) {
    viaSluice = viaSluice.use(noop)
    viaMiddy = viaMiddy.use(noop)
    viaMiddyNoTimer = viaMiddyNoTimer.use(noop)
  }
  return {
    sluice: viaSluice.handler(body),
    middy: viaMiddy.handler(body),
    middyNoTimer: viaMiddyNoTimer.handler(body),
  }
}

const groupFor = (count: number): BenchGroup[] => {
  const h = withMiddlewares(count)
  return [
    {
      name: `core: ${count} no-op middlewares`,
      note: 'middy as users get it (timeoutEarlyInMillis 5: a timer per call); every call gets a fresh context',
      targets: [{ kind: 'ratio', against: 'middy', atLeast: 1.2 }],
      subjects: [
        { subject: 'bare', fn: () => bare(event, invocationContext()) },
        { subject: 'middy', fn: () => h.middy(event, invocationContext()) },
        { subject: 'sluice', fn: () => h.sluice(event, invocationContext()) },
      ],
    },
    {
      name: `core: ${count} no-op middlewares, middy timer off`,
      note: 'middy with timeoutEarlyInMillis 0, the engine alone (sluice runs on it: target = level, within the spread); a fresh context per call, as Lambda gives',
      targets: [{ kind: 'ratio', against: 'middy', atLeast: 1 }],
      subjects: [
        { subject: 'middy', fn: () => h.middyNoTimer(event, invocationContext()) },
        { subject: 'sluice', fn: () => h.sluice(event, invocationContext()) },
      ],
    },
  ]
}

/** sluice's per-invocation overhead on middy, against a bare async function and plain middy. */
export const groups: BenchGroup[] = [...groupFor(0), ...groupFor(3)]
