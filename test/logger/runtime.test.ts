import { fileURLToPath } from 'node:url'
import { type Runtime, startRuntime } from '@sluice/runtime'
import { afterEach, describe, expect, test } from 'vitest'

// The logger under the real aws-lambda-ric (@sluice/runtime): stdout is a pipe, the runtime sets the Lambda
// variables and _X_AMZN_TRACE_ID per invocation, and the logs come back as Lambda would store them.

const root = fileURLToPath(new URL('../..', import.meta.url))
const started: Runtime[] = []
const TRACE = 'Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=0'

const start = async (env: Record<string, string> = {}) => {
  const runtime = await startRuntime({
    cwd: root,
    handler: 'test/fixtures/logger/handler.ts#handler',
    timeoutMs: 10_000,
    env: { POWERTOOLS_TRACE_ENABLED: 'false', ...env },
  })
  started.push(runtime)
  return runtime
}

afterEach(async () => {
  await Promise.all(started.splice(0).map((runtime) => runtime.stop()))
})

const json = (logs: readonly string[]) =>
  logs.filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as Record<string, unknown>)

describe('@sluice/logger in a local Lambda', { timeout: 60_000 }, () => {
  test('JSON lines carry the request id, the trace id Lambda passed and a child per record', async () => {
    const runtime = await start()
    const cold = await runtime.invoke(
      { Records: [{ messageId: 'm1' }, { messageId: 'm2' }] },
      { traceId: TRACE },
    )
    const warm = await runtime.invoke({ Records: [{ messageId: 'm3' }] })
    expect(json(cold.logs)).toEqual([
      expect.objectContaining({
        requestId: cold.requestId,
        recordId: 'm1',
        coldStart: true,
        traceId: '1-5759e988-bd862e3fe1be46a994272793',
        functionName: 'handler',
        memoryMb: 128,
      }),
      expect.objectContaining({ requestId: cold.requestId, recordId: 'm2', coldStart: true }),
    ])
    const [line] = json(warm.logs)
    expect(line).toMatchObject({ requestId: warm.requestId, recordId: 'm3', coldStart: false })
    expect(line?.traceId).not.toBe('1-5759e988-bd862e3fe1be46a994272793')
  })

  test('the debug line kept in the buffer shows up only for the failed invocation', async () => {
    const runtime = await start()
    const ok = await runtime.invoke({})
    const failed = await runtime.invoke({ fail: true })
    expect(json(ok.logs)).toEqual([])
    expect(failed.error?.errorMessage).toBe('failed on purpose')
    expect(json(failed.logs)).toEqual([
      expect.objectContaining({
        level: 'debug',
        msg: 'kept unless the invocation fails',
        requestId: failed.requestId,
      }),
    ])
  })

  test('SLUICE_LOG_PRETTY=1 prints pretty lines instead of JSON', async () => {
    const runtime = await start({ SLUICE_LOG_PRETTY: '1' })
    const { logs } = await runtime.invoke({ Records: [{ messageId: 'm1' }] })
    expect(json(logs)).toEqual([])
    expect(logs.join('\n')).toMatch(/INFO.*record/)
    expect(logs.join('\n')).toMatch(/recordId: "m1"/)
  })
})
