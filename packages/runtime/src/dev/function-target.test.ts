import { describe, expect, it } from 'vitest'
import type { InvocationResult } from '../invocation.ts'
import { startRuntime } from '../start-runtime.ts'
import { functionTarget } from './function-target.ts'

const sleep = 'test/fixtures/runtime/sleep.mjs#handler'

describe('functionTarget', () => {
  it('sends new invocations to the replacement and stops the old runtime only after its in-flight one ended', async () => {
    const old = await startRuntime({ handler: sleep, timeoutMs: 30_000 })
    const next = await startRuntime({ handler: sleep, timeoutMs: 30_000 })
    const results: InvocationResult[] = []
    // How many containers the old runtime had when each result came back: it must be alive until its last one.
    const oldContainers: number[] = []
    const target = functionTarget(old, (result) => {
      results.push(result)
      oldContainers.push(old.containers.length)
    })
    try {
      const slow = target.invoke({ ms: 1000 })
      // The slow invocation is in flight once its container exists and runs it.
      while (old.containers.every((container) => container.state !== 'busy'))
        await new Promise((resolve) => setTimeout(resolve, 10))
      expect(target.inFlight).toBe(1)
      const replaced = target.replace(next)
      expect(target.runtime).toBe(next)
      const quick = await target.invoke({ ms: 1 })
      const slowResult = await slow
      await replaced
      expect(slowResult.error).toBeUndefined()
      expect(old.containers).toEqual([])
      // The quick one ran on the new runtime's container while the old one was still busy.
      expect(quick.containerId).not.toBe(slowResult.containerId)
      expect(results.map((result) => result.requestId).sort()).toEqual(
        [quick.requestId, slowResult.requestId].sort(),
      )
      expect(oldContainers[results.indexOf(slowResult)]).toBe(1)
    } finally {
      await target.stop()
      await old.stop()
    }
    expect(next.containers).toEqual([])
  }, 60_000)
})
