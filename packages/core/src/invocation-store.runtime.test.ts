// The runtime interface client (aws-lambda-ric 4) runs each invocation inside the InvokeStore of
// @aws/lambda-invoke-store and publishes it on globalThis.awslambda.InvokeStore: an AsyncLocalStorage when
// AWS_LAMBDA_MAX_CONCURRENCY is set (Managed Instances), a single slot otherwise. These tests use the real package
// and enter it the way the RIC's runWithInvokeContext does.
import { setTimeout as sleep } from 'node:timers/promises'
import { createContext } from '@sluice/testing'
import { afterEach, describe, expect, test, vi } from 'vitest'
import { currentContext, currentInvocation, currentTraceId } from './invocation-store.ts'
import { lambda } from './lambda.ts'

afterEach(() => {
  vi.unstubAllEnvs()
  vi.resetModules()
  Reflect.deleteProperty(globalThis, 'awslambda')
})

/** A fresh runtime store, as the RIC creates it once per process (the package caches it per module instance). */
const runtimeStore = async () => {
  const { InvokeStore, InvokeStoreBase } = await import('@aws/lambda-invoke-store')
  const store = await InvokeStore.getInstanceAsync()
  const { REQUEST_ID, X_RAY_TRACE_ID } = InvokeStoreBase.PROTECTED_KEYS
  /** What the RIC does around each invocation: its request id and X-Ray header, protected. */
  const asRuntime = <T>(requestId: string, traceHeader: string, fn: () => Promise<T>) =>
    store.run({ [REQUEST_ID]: requestId, [X_RAY_TRACE_ID]: traceHeader }, fn)
  return { store, asRuntime }
}

const trace = (n: number) => `Root=1-5759e988-${String(n).padStart(24, '0')};Sampled=1`

const handler = lambda<{ wait: number }>().handler(async ({ wait }, context) => {
  const before = currentInvocation()
  await sleep(wait)
  const after = currentInvocation()
  return {
    requestIds: [before?.requestId, after?.requestId],
    traceId: currentTraceId(),
    sameContext: after?.context === context && currentContext() === context,
  }
})

describe('currentInvocation under the runtime interface client', () => {
  test('multi-concurrent mode: interleaved invocations each see their own request id, trace and context', async () => {
    vi.stubEnv('AWS_LAMBDA_MAX_CONCURRENCY', '8')
    vi.stubEnv('_X_AMZN_TRACE_ID', 'Root=1-00000000-decoydecoydecoydecoydecoy')
    const { store, asRuntime } = await runtimeStore()
    expect(Reflect.get(Reflect.get(globalThis, 'awslambda'), 'InvokeStore')).toBe(store)
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        asRuntime(`r-${i}`, trace(i), () =>
          handler({ wait: (i * 5) % 7 }, createContext({ awsRequestId: `r-${i}` })),
        ),
      ),
    )
    results.forEach((result, i) => {
      expect(result).toEqual({
        requestIds: [`r-${i}`, `r-${i}`],
        traceId: `1-5759e988-${String(i).padStart(24, '0')}`,
        sameContext: true,
      })
    })
    expect(currentInvocation()).toBeUndefined()
  })

  test('classic mode: each invocation in turn sees its own, as the variable Lambda sets says', async () => {
    const { asRuntime } = await runtimeStore()
    for (const i of [1, 2, 3]) {
      vi.stubEnv('_X_AMZN_TRACE_ID', trace(i))
      const result = await asRuntime(`r-${i}`, trace(i), () =>
        handler({ wait: 1 }, createContext({ awsRequestId: `r-${i}` })),
      )
      expect(result).toEqual({
        requestIds: [`r-${i}`, `r-${i}`],
        traceId: `1-5759e988-${String(i).padStart(24, '0')}`,
        sameContext: true,
      })
    }
  })
})
