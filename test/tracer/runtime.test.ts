import { randomBytes } from 'node:crypto'
import { fileURLToPath } from 'node:url'
import { startRuntime } from '@sluice/runtime'
import { describe, expect, test } from 'vitest'
import { startXrayDaemon } from './xray-daemon.ts'

// The tracer under the real aws-lambda-ric (@sluice/runtime), which sets LAMBDA_TASK_ROOT, AWS_EXECUTION_ENV
// and, per invocation, the trace header: no X-Ray variable is set by hand here except the daemon address.

const root = fileURLToPath(new URL('../..', import.meta.url))

describe('@sluice/tracer in a local Lambda', { timeout: 60_000 }, () => {
  test('each sampled invocation sends its handler and record subsegments to the daemon', async () => {
    const daemon = await startXrayDaemon()
    const runtime = await startRuntime({
      cwd: root,
      handler: 'test/fixtures/logger/handler.ts#handler',
      timeoutMs: 10_000,
      env: { AWS_XRAY_DAEMON_ADDRESS: daemon.address },
    })
    try {
      const traceRoot = `1-${Math.floor(Date.now() / 1000).toString(16)}-${randomBytes(12).toString('hex')}`
      const parent = randomBytes(8).toString('hex')
      const { result, logs } = await runtime.invoke(
        { Records: [{ messageId: 'm1' }] },
        { traceId: `Root=${traceRoot};Parent=${parent};Sampled=1` },
      )
      await runtime.invoke({}, { traceId: `Root=1-00000000-${'0'.repeat(24)};Parent=${parent};Sampled=0` })
      await daemon.drain()
      expect(result).toEqual({ ok: true })
      const handler = daemon.documents.find((doc) => doc.name.startsWith('## '))
      expect(handler).toMatchObject({
        trace_id: traceRoot,
        parent_id: parent,
        annotations: { ColdStart: true, Service: 'orders' },
      })
      expect(daemon.documents.find((doc) => doc.name === 'record m1')).toMatchObject({
        parent_id: handler?.id,
      })
      // The unsampled invocation sent nothing.
      expect(daemon.documents.every((doc) => doc.trace_id === traceRoot)).toBe(true)
      expect(logs.some((line) => line.includes(`"traceId":"${traceRoot}"`))).toBe(true)
    } finally {
      await runtime.stop()
      await daemon.close()
    }
  })
})
