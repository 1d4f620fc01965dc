import { fileURLToPath } from 'node:url'
import { type Runtime, type RuntimeOptions, SluiceRuntimeError, startRuntime } from '@sluice/runtime'
import { afterEach, describe, expect, it } from 'vitest'
import { withBusyPort } from './busy-port.ts'
import { containerPids, expectAllGone, isAlive } from './process-helpers.ts'

const root = fileURLToPath(new URL('../..', import.meta.url))
const started: Runtime[] = []

async function start(options: RuntimeOptions): Promise<Runtime> {
  const runtime = await startRuntime({ cwd: root, ...options })
  started.push(runtime)
  return runtime
}

afterEach(async () => {
  await Promise.all(started.splice(0).map((runtime) => runtime.stop()))
})

describe('container environment and teardown', () => {
  it('sets the variables Lambda sets, plus the user env, and leaks nothing else from the parent', async () => {
    process.env.SLUICE_SECRET_FROM_PARENT = 'do not leak'
    try {
      const runtime = await start({
        handler: 'test/fixtures/runtime/environment.mjs#handler',
        memoryMb: 256,
        functionName: 'orders',
        region: 'eu-west-1',
        env: { GREETING: 'hi' },
      })
      const { result } = await runtime.invoke({})
      expect(result).toMatchObject({
        AWS_LAMBDA_FUNCTION_NAME: 'orders',
        AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '256',
        AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
        AWS_LAMBDA_LOG_GROUP_NAME: '/aws/lambda/orders',
        AWS_LAMBDA_LOG_STREAM_NAME: expect.stringMatching(/^\d{4}\/\d\d\/\d\d\/\[\$LATEST\][0-9a-f]{32}$/),
        _HANDLER: 'environment.handler',
        AWS_REGION: 'eu-west-1',
        TZ: ':UTC',
        AWS_LAMBDA_INITIALIZATION_TYPE: 'on-demand',
        _X_AMZN_TRACE_ID: expect.stringMatching(/^Root=1-/),
        AWS_LAMBDA_RUNTIME_API: expect.stringMatching(/^127\.0\.0\.1:\d+$/),
        TMPDIR: expect.stringContaining('sluice-runtime-'),
        GREETING: 'hi',
        SLUICE_SECRET_FROM_PARENT: null,
      })
    } finally {
      delete process.env.SLUICE_SECRET_FROM_PARENT
    }
  })

  it('rejects env variables the runtime reserves', async () => {
    await expect(
      start({ handler: 'test/fixtures/runtime/counter.ts', env: { _HANDLER: 'x.y' } }),
    ).rejects.toThrow(expect.objectContaining({ code: 'RESERVED_ENV_VARIABLE' }))
  })

  it('expires idle containers after idleTimeoutMs; the next invocation is cold', async () => {
    const runtime = await start({ handler: 'test/fixtures/runtime/counter.ts#handler', idleTimeoutMs: 200 })
    await runtime.invoke({})
    const pids = containerPids(runtime)
    await new Promise((resolve) => setTimeout(resolve, 400))
    expect(runtime.containers).toEqual([])
    await expectAllGone(pids)
    expect((await runtime.invoke({})).coldStart).toBe(true)
  })

  it('stop() kills every container, busy ones included, and later invokes fail with RUNTIME_STOPPED', async () => {
    const runtime = await start({
      handler: 'test/fixtures/runtime/hang.mjs#handler',
      concurrency: 2,
      timeoutMs: 60_000,
    })
    await Promise.all([runtime.invoke({}), runtime.invoke({})])
    const pids = containerPids(runtime)
    expect(pids).toHaveLength(2)
    const hanging = runtime.invoke({ hang: 'idle' })
    await new Promise((resolve) => setTimeout(resolve, 100))
    await runtime.stop()
    await expectAllGone(pids, 500)
    expect(pids.some(isAlive)).toBe(false)
    expect((await hanging).error?.errorType).toBe('Runtime.ExitError')
    await expect(runtime.invoke({})).rejects.toThrow(expect.objectContaining({ code: 'RUNTIME_STOPPED' }))
  })

  it('fails with PORT_IN_USE when the Runtime API port is taken', async () => {
    await withBusyPort(async (port) => {
      const runtime = await start({ handler: 'test/fixtures/runtime/counter.ts#handler', port })
      const failure = await runtime.invoke({}).catch((error: unknown) => error)
      expect(failure).toBeInstanceOf(SluiceRuntimeError)
      expect(failure).toMatchObject({ code: 'PORT_IN_USE' })
    })
  })

  it('rejects a missing handler file before starting anything', async () => {
    await expect(start({ handler: 'test/fixtures/runtime/missing.ts#handler' })).rejects.toThrow(
      expect.objectContaining({ code: 'HANDLER_FILE_NOT_FOUND' }),
    )
  })
})
