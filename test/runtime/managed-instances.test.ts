import { fileURLToPath } from 'node:url'
import { startRuntime } from '@sluice/runtime'
import { describe, expect, it } from 'vitest'

const cwd = fileURLToPath(new URL('../..', import.meta.url))
const handler = 'test/fixtures/runtime/sleep.mjs#handler'

describe('Managed Instances mode (startRuntime maxConcurrency)', () => {
  it('runs up to maxConcurrency invocations at once in each container, and concurrency overall', async () => {
    await using runtime = await startRuntime({ handler, cwd, concurrency: 6, maxConcurrency: 3 })
    const results = await Promise.all(Array.from({ length: 12 }, () => runtime.invoke({ ms: 200 })))
    expect(results.every((result) => result.error === undefined)).toBe(true)
    const containers = runtime.containers
    expect(containers).toHaveLength(2)
    for (const container of containers) expect(container.peakConcurrency).toBe(3)
    expect(new Set(results.map((result) => result.requestId)).size).toBe(12)
    for (const result of results) {
      expect(result.logs.filter((line) => line.includes('sleeping in'))).toEqual([
        expect.stringContaining(result.requestId),
      ])
      expect(result.report.requestId).toBe(result.requestId)
    }
  })

  it('caps invocations in flight overall at concurrency when it is not a multiple of maxConcurrency', async () => {
    await using runtime = await startRuntime({ handler, cwd, concurrency: 5, maxConcurrency: 3 })
    let most = 0
    const sampler = setInterval(() => {
      const inFlight = runtime.containers.reduce((total, container) => total + container.inFlight, 0)
      most = Math.max(most, inFlight)
    }, 5)
    try {
      await Promise.all(Array.from({ length: 15 }, () => runtime.invoke({ ms: 150 })))
    } finally {
      clearInterval(sampler)
    }
    expect(runtime.containers).toHaveLength(2)
    expect(most).toBe(5)
    for (const container of runtime.containers) expect(container.peakConcurrency).toBeLessThanOrEqual(3)
  })

  it('keeps one invocation per container without maxConcurrency', async () => {
    await using runtime = await startRuntime({ handler, cwd, concurrency: 2 })
    await Promise.all(Array.from({ length: 4 }, () => runtime.invoke({ ms: 50 })))
    expect(runtime.containers.map((container) => container.peakConcurrency)).toEqual([1, 1])
  })

  it('rejects a bad maxConcurrency or workers with RUNTIME_INVALID_OPTION', async () => {
    await expect(startRuntime({ handler, cwd, maxConcurrency: 0 })).rejects.toMatchObject({
      code: 'RUNTIME_INVALID_OPTION',
    })
    await expect(startRuntime({ handler, cwd, workers: 2 })).rejects.toMatchObject({
      code: 'RUNTIME_INVALID_OPTION',
    })
    await expect(startRuntime({ handler, cwd, maxConcurrency: 4, workers: 1.5 })).rejects.toMatchObject({
      code: 'RUNTIME_INVALID_OPTION',
    })
  })
})
