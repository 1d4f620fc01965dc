import { fileURLToPath } from 'node:url'
import { type Runtime, startRuntime } from '@sluice/runtime'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('../..', import.meta.url))
let runtime: Runtime

beforeAll(async () => {
  runtime = await startRuntime({ cwd: root, handler: 'test/fixtures/runtime/current-invocation.ts#handler' })
})

afterAll(async () => {
  await runtime?.stop()
})

describe('currentInvocation under the real runtime interface client', () => {
  it("reads each invocation's request id and X-Ray header from the RIC's InvokeStore, with the context lambda() keeps there", async () => {
    for (const traceId of [
      'Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1',
      'Root=1-66666666-bd862e3fe1be46a994272793;Sampled=0',
    ]) {
      const { requestId, result } = await runtime.invoke({}, { traceId })
      expect(result).toEqual({
        requestId,
        contextRequestId: requestId,
        sameContext: true,
        traceHeader: traceId,
        currentTraceHeader: traceId,
        runtimeStore: 'object',
      })
    }
  })
})
