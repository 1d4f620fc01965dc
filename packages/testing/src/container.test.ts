import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, test } from 'vitest'
import type { CounterEvent, CounterResult } from '../test-support/counter-handler.ts'
import { initLog } from '../test-support/init-log.ts'
import { createClock } from './clock.ts'
import { createContainer } from './container.ts'
import { ContainerDisposedError, InvalidOptionError } from './errors.ts'

const counterModule = new URL('../test-support/counter-handler.ts', import.meta.url)
const brokenModule = new URL('../test-support/broken-init.ts', import.meta.url)
const disposeAfter: Array<{ dispose(): Promise<void> }> = []

function counterContainer(options: Omit<Parameters<typeof createContainer>[0], 'module'> = {}) {
  const container = createContainer<CounterEvent, CounterResult>({ module: counterModule, ...options })
  disposeAfter.push(container)
  return container
}

afterEach(async () => {
  for (const container of disposeAfter.splice(0)) await container.dispose()
  delete process.env.SLUICE_FIXTURE_BREAK
})

describe('createContainer', () => {
  test('evaluates module scope once per container: INIT, then warm invocations', async () => {
    const before = initLog.length
    const first = counterContainer()
    const a1 = await first.invoke({})
    const a2 = await first.invoke({})
    expect(initLog.length).toBe(before + 1)
    expect([a1.invocation, a2.invocation]).toEqual([1, 2])
    expect(a2.initId).toBe(a1.initId)
    expect(a1.requestId).not.toBe(a2.requestId)

    const second = counterContainer()
    const b1 = await second.invoke({})
    expect(initLog.length).toBe(before + 2)
    expect(b1.initId).not.toBe(a1.initId)
    expect(b1.invocation).toBe(1)
    expect([first.invocations, first.inits, second.invocations]).toEqual([2, 1, 1])
  })

  test('start() runs INIT once, ahead of the first invocation, and records its duration', async () => {
    const before = initLog.length
    const container = counterContainer()
    expect(container.initDurationMs).toBeUndefined()
    await Promise.all([container.start(), container.start()])
    expect(initLog.length).toBe(before + 1)
    expect(container.initDurationMs).toBeGreaterThanOrEqual(0)
    await container.invoke({})
    expect(initLog.length).toBe(before + 1)
  })

  test('sets the Lambda environment for INIT and invocations, and restores it on dispose', async () => {
    const previousRegion = process.env.AWS_REGION
    expect(process.env.AWS_LAMBDA_FUNCTION_NAME).toBeUndefined()
    const container = counterContainer({
      functionName: 'fixture-fn',
      memoryMb: 512,
      region: 'eu-central-1',
      initializationType: 'provisioned-concurrency',
      env: { SLUICE_FIXTURE_FLAG: 'on' },
    })
    const result = await container.invoke({})
    expect(result.initEnv).toEqual({
      functionName: 'fixture-fn',
      memory: '512',
      version: '$LATEST',
      logGroup: '/aws/lambda/fixture-fn',
      logStream: expect.stringMatching(/^\d{4}\/\d{2}\/\d{2}\/\[\$LATEST\][0-9a-f]{32}$/),
      region: 'eu-central-1',
      initializationType: 'provisioned-concurrency',
      extra: 'on',
    })
    expect(result.invokeEnv).toEqual(result.initEnv)
    expect(result.functionName).toBe('fixture-fn')

    await container.dispose()
    expect(process.env.AWS_LAMBDA_FUNCTION_NAME).toBeUndefined()
    expect(process.env.SLUICE_FIXTURE_FLAG).toBeUndefined()
    expect(process.env.AWS_REGION).toBe(previousRegion)
  })

  test('keeps the log stream for the container’s life, like Lambda', async () => {
    const container = counterContainer()
    const first = await container.invokeResult({})
    const second = await container.invokeResult({})
    expect(first.context.logStreamName).toBe(second.context.logStreamName)
    expect(first.context.awsRequestId).not.toBe(second.context.awsRequestId)
  })

  test('runs one invocation at a time', async () => {
    const container = counterContainer()
    const results = await Promise.all([1, 2, 3].map(() => container.invoke({ delayMs: 5 })))
    expect(results.map((r) => r.invocation)).toEqual([1, 2, 3])
    expect(results.map((r) => r.maxConcurrent)).toEqual([1, 1, 1])
  })

  test('times out on its clock, then re-runs INIT for the next invocation as Lambda resets the sandbox', async () => {
    const clock = createClock(0)
    const container = counterContainer({ clock, timeoutMs: 100 })
    const first = await container.invoke({})
    const hung = container.invoke({ hang: true }).catch((error: unknown) => error)
    await clock.advance(100)
    expect(await hung).toMatchObject({ errorType: 'Sandbox.Timedout', message: /after 0\.10 seconds/ })
    const next = await container.invoke({})
    expect(next.initId).not.toBe(first.initId)
    expect(next.invocation).toBe(1)
    expect(container.inits).toBe(2)
  })

  test('reports handler errors in the Lambda shape, through invoke and invokeResult', async () => {
    const container = counterContainer()
    await expect(container.invoke({ fail: 'out of range' })).rejects.toMatchObject({
      lambdaError: { errorType: 'RangeError', errorMessage: 'out of range' },
    })
    const outcome = await container.invokeResult({ fail: 'again' })
    expect(outcome).toMatchObject({ ok: false, error: { errorType: 'RangeError', errorMessage: 'again' } })
    expect(container.inits).toBe(1)
  })

  test('fails INIT the way the runtime does, and retries it on the next invocation', async () => {
    const container = createContainer({ module: brokenModule })
    disposeAfter.push(container)
    await expect(container.invoke({})).rejects.toMatchObject({
      errorType: 'ConfigError',
      lambdaError: { errorMessage: 'TABLE_NAME is not set' },
    })
    process.env.SLUICE_FIXTURE_BREAK = 'no'
    expect(await container.invoke({})).toBe('initialised')
    expect(container.inits).toBe(2)
  })

  test('names a missing module or export like the runtime', async () => {
    const missing = createContainer({
      module: fileURLToPath(new URL('../test-support/nope.ts', import.meta.url)),
    })
    await expect(missing.start()).rejects.toMatchObject({ errorType: 'Runtime.ImportModuleError' })
    const noExport = createContainer({ module: counterModule, exportName: 'missing' })
    await expect(noExport.invoke({})).rejects.toMatchObject({
      errorType: 'Runtime.HandlerNotFound',
      lambdaError: { errorMessage: 'counter-handler.missing is undefined or not exported' },
    })
    const notFunction = createContainer({ module: counterModule, exportName: 'notAFunction' })
    disposeAfter.push(missing, noExport, notFunction)
    expect(await notFunction.invokeResult({})).toMatchObject({
      ok: false,
      error: { errorMessage: 'counter-handler.notAFunction is not a function' },
    })
  })

  test('refuses a relative module path up front', () => {
    expect(() => createContainer({ module: '../test-support/counter-handler.ts' })).toThrow(
      InvalidOptionError,
    )
    expect(() => createContainer({ module: 'https://example.com/handler.js' })).toThrow(/file: URL/)
  })

  test('refuses to work after dispose, and supports await using', async () => {
    let escaped: ReturnType<typeof counterContainer> | undefined
    {
      await using container = createContainer<CounterEvent, CounterResult>({ module: counterModule })
      escaped = container
      await container.invoke({})
      expect(process.env.AWS_LAMBDA_FUNCTION_NAME).toBe('sluice-function')
    }
    expect(process.env.AWS_LAMBDA_FUNCTION_NAME).toBeUndefined()
    await expect(escaped.invoke({})).rejects.toBeInstanceOf(ContainerDisposedError)
    await expect(escaped.start()).rejects.toMatchObject({ code: 'CONTAINER_DISPOSED' })
  })

  test('lets invocations queued before dispose finish first', async () => {
    const container = counterContainer()
    const queued = container.invoke({ delayMs: 5 })
    await container.dispose()
    expect((await queued).invocation).toBe(1)
  })
})
