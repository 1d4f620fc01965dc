import { fileURLToPath } from 'node:url'
import { startRuntime } from '@sluice/runtime'
import { describe, expect, it } from 'vitest'

const cwd = fileURLToPath(new URL('.', import.meta.url))

describe('hello, through the local Lambda runtime', () => {
  it('greets, cold on the first call and warm after', async () => {
    await using runtime = await startRuntime({ handler: 'handler.ts#handler', cwd, timeoutMs: 3000 })
    const first = await runtime.invoke({ name: 'Ada' })
    const second = await runtime.invoke({})

    expect(first.result).toMatchObject({ message: 'Hello, Ada!', coldStart: true, invocation: 1 })
    expect(second.result).toMatchObject({ message: 'Hello, world!', coldStart: false, invocation: 2 })
    expect(first.report.initDurationMs).toBeGreaterThan(0)
  })

  it('sees the deadline: remaining time starts near the timeout and the work past it is cut off', async () => {
    await using runtime = await startRuntime({ handler: 'handler.ts#handler', cwd, timeoutMs: 800 })
    const quick = await runtime.invoke({ name: 'Ada' })
    const slow = await runtime.invoke({ name: 'Grace', workMs: 1500 })

    expect(quick.result).toMatchObject({ remainingMs: expect.any(Number) })
    const { remainingMs } = quick.result as { remainingMs: number }
    expect(remainingMs).toBeLessThanOrEqual(800)
    expect(remainingMs).toBeGreaterThan(600)
    expect(slow.report.status).toBe('timeout')
    expect(slow.error?.errorType).toBe('Sandbox.Timedout')
  })
})
