import { fileURLToPath } from 'node:url'
import { type Runtime, startRuntime } from '@sluice/runtime'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'

const handlerPath = fileURLToPath(new URL('../fixtures/timeout/hang.ts', import.meta.url))

describe('@sluice/timeout end to end, in the local Lambda runtime (real aws-lambda-ric)', () => {
  let runtime: Runtime
  beforeAll(async () => {
    runtime = await startRuntime({ handler: `${handlerPath}#handler`, timeoutMs: 1_000 })
  })
  afterAll(async () => {
    await runtime?.stop()
  })

  test('a hanging handler answers with onTimeout before Lambda kills it, and its last log line is kept', async () => {
    const { result, error, report, logs } = await runtime.invoke({ orderId: 'ord-42' })
    expect(error).toBeUndefined()
    expect(result).toEqual({ timedOut: true, orderId: 'ord-42', marginMs: 500, unfinishedCleanups: 0 })
    expect(report.status).toBe('success')
    expect(report.durationMs).toBeLessThan(1_000)
    expect(logs.some((line) => line.includes('working on ord-42'))).toBe(true)
    expect(logs.at(-1)).toContain('cleanup: checkpoint saved for ord-42')
  })

  test('the next (warm) invocation is guarded again from its own deadline', async () => {
    const { result, report, coldStart } = await runtime.invoke({ orderId: 'ord-43' })
    expect(coldStart).toBe(false)
    expect(result).toMatchObject({ timedOut: true, orderId: 'ord-43' })
    expect(report.status).toBe('success')
  })

  test('control: the same handler without the guard is killed at 1 s and its cleanup line never appears', async () => {
    await using bare = await startRuntime({ handler: `${handlerPath}#unguarded`, timeoutMs: 1_000 })
    const { result, error, report, logs } = await bare.invoke({ orderId: 'ord-44' })
    expect(result).toBeUndefined()
    expect(error?.errorType).toBe('Sandbox.Timedout')
    expect(report.status).toBe('timeout')
    expect(logs.some((line) => line.includes('cleanup'))).toBe(false)
  })
})
