import { randomBytes } from 'node:crypto'
import { fileURLToPath } from 'node:url'
import { startRuntime } from '@sluice/runtime'
import { describe, expect, test } from 'vitest'
import { startXrayDaemon } from '../tracer/xray-daemon.ts'

// logger(), tracer() and timeout() in a streaming handler, under the real aws-lambda-ric.

const cwd = fileURLToPath(new URL('../..', import.meta.url))
const handler = 'test/fixtures/streaming/observed.ts#handler'
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const hex = (bytes: number) => randomBytes(bytes).toString('hex')

/** Polls until `read` gives a value (or 10 s have passed, then `undefined`). */
const eventually = async <T>(read: () => T | undefined): Promise<T | undefined> => {
  for (let waited = 0; waited < 10_000; waited += 20) {
    const value = read()
    if (value !== undefined) return value
    await pause(20)
  }
  return undefined
}

describe('a streaming handler with logger(), tracer() and timeout()', { timeout: 60_000 }, () => {
  test('logs with its request id and closes its tracer segment', async () => {
    const daemon = await startXrayDaemon()
    try {
      await using runtime = await startRuntime({
        handler,
        cwd,
        timeoutMs: 5_000,
        env: { AWS_XRAY_DAEMON_ADDRESS: daemon.address },
      })
      const trace = { root: `1-${Math.floor(Date.now() / 1000).toString(16)}-${hex(12)}`, parent: hex(8) }
      const result = await runtime.invoke(
        { id: 'j1', parts: 3, gapMs: 20 },
        { traceId: `Root=${trace.root};Parent=${trace.parent};Sampled=1` },
      )
      // The caller has the whole body once the stream ended; the chain's after hooks (the tracer closing its
      // segment) run just after that, so the segment may come a moment later.
      const segment = await eventually(() =>
        daemon.documents.find((doc) => doc.name.startsWith('## ') && doc.trace_id === trace.root),
      )
      expect(result.error).toBeUndefined()
      expect(result.result).toBe('j1:0;j1:1;j1:2;')
      const lines = result.logs.filter((line) => line.includes('"job":"j1"'))
      expect(lines).toHaveLength(2)
      for (const line of lines) {
        expect(line).toContain(result.requestId)
        expect(line).toContain(trace.root)
      }
      expect(segment).toMatchObject({
        parent_id: trace.parent,
        annotations: { ColdStart: true, Service: 'streams' },
      })
      expect(segment?.in_progress).toBeUndefined()
    } finally {
      await daemon.close()
    }
  })

  test('Managed Instances: the stream that overruns ends with the TimeoutError, the others in flight complete', async () => {
    await using runtime = await startRuntime({
      handler,
      cwd,
      timeoutMs: 2_000,
      concurrency: 4,
      maxConcurrency: 4,
    })
    await runtime.invoke({ id: 'warm-up', parts: 0, gapMs: 0 })
    const slow = runtime.invoke({ id: 'slow', parts: 1_000, gapMs: 100 })
    await pause(100)
    const quick = ['q1', 'q2', 'q3'].map((id) => runtime.invoke({ id, parts: 3, gapMs: 100 }))
    const [overran, ...done] = await Promise.all([slow, ...quick])

    expect(runtime.containers[0]?.peakConcurrency).toBe(4)
    expect(overran.error).toMatchObject({ errorType: 'TimeoutError' })
    expect(overran.error?.errorMessage).toContain('stopped 500 ms before its deadline')
    expect(String(overran.result)).toMatch(/^slow:0;slow:1;/)
    expect(
      overran.logs.some((line) => line.includes('"job":"slow"') && line.includes(overran.requestId)),
    ).toBe(true)
    for (const [index, result] of done.entries()) {
      const id = `q${index + 1}`
      expect(result.error).toBeUndefined()
      expect(result.result).toBe(`${id}:0;${id}:1;${id}:2;`)
      const lines = result.logs.filter((line) => line.includes(`"job":"${id}"`))
      expect(lines).toHaveLength(2)
      for (const line of lines) expect(line).toContain(result.requestId)
    }
  })
})
