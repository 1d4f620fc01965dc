import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { platformLines, type Runtime, type RuntimeOptions, startRuntime } from '@sluice/runtime'
import { afterEach, describe, expect, it } from 'vitest'
import { containerPids, expectAllGone, isAlive } from './process-helpers.ts'

const root = fileURLToPath(new URL('../..', import.meta.url))
const fixture = (name: string) => `test/fixtures/runtime/${name}`
const started: Runtime[] = []
const seenPids = new Set<number>()

async function start(options: RuntimeOptions): Promise<Runtime> {
  const runtime = await startRuntime({ cwd: root, ...options })
  started.push(runtime)
  return runtime
}

function remember(runtime: Runtime): void {
  for (const pid of containerPids(runtime)) seenPids.add(pid)
}

afterEach(async () => {
  await Promise.all(started.splice(0).map((runtime) => runtime.stop()))
  await expectAllGone([...seenPids])
  seenPids.clear()
})

describe('lifecycle through the real aws-lambda-ric', () => {
  it('runs module init once per container: a cold start, then warm invocations', async () => {
    const runtime = await start({ handler: fixture('counter.ts#handler') })
    const first = await runtime.invoke({ tag: 'a' })
    remember(runtime)
    const second = await runtime.invoke({ tag: 'b' })
    const third = await runtime.invoke({ tag: 'c' })

    expect([first, second, third].map((result) => result.result)).toMatchObject([
      { invocations: 1 },
      { invocations: 2 },
      { invocations: 3 },
    ])
    expect([first.coldStart, second.coldStart, third.coldStart]).toEqual([true, false, false])
    expect(new Set([first.containerId, second.containerId, third.containerId]).size).toBe(1)
    expect(first.report.initDurationMs).toBeGreaterThan(0)
    expect(second.report.initDurationMs).toBeUndefined()
    expect(first.logs.join('\n')).toContain('init: module loaded')
    expect(second.logs.join('\n')).not.toContain('init: module loaded')
    expect(second.logs.join('\n')).toContain(`${second.requestId}\tINFO\tinvocation 2 b`)
    expect(platformLines(first.report).report).toMatch(
      /^REPORT RequestId: \S+\tDuration: \d+\.\d\d ms\tBilled Duration: \d+ ms\tMemory Size: 128 MB\tMax Memory Used: \d+ MB\tInit Duration: \d+\.\d\d ms\tEstimated Cost: \$\d\.\d{10}$/,
    )
    expect(first.report.maxMemoryUsedMb).toBeGreaterThan(10)
  })

  it('makes getRemainingTimeInMillis follow the deadline header, with the invocation headers in context', async () => {
    const runtime = await start({ handler: fixture('remaining-time.mjs#handler'), timeoutMs: 2000 })
    const clientContext = { client: { installation_id: 'i-1' } }
    const identity = { cognitoIdentityId: 'id-1', cognitoIdentityPoolId: 'pool-1' }
    const { result, requestId } = await runtime.invoke({}, { clientContext, identity })
    remember(runtime)

    expect(result).toMatchObject({
      awsRequestId: requestId,
      invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:remaining-time',
      clientContext,
      identity,
      traceEnv: expect.stringMatching(/^Root=1-[0-9a-f]{8}-[0-9a-f]{24};Parent=[0-9a-f]{16};Sampled=0$/),
    })
    const { first, afterSleep } = result as { first: number; afterSleep: number }
    expect(first).toBeLessThanOrEqual(2000)
    expect(first).toBeGreaterThan(1700)
    expect(first - afterSleep).toBeGreaterThanOrEqual(190)
    expect(first - afterSleep).toBeLessThan(500)
  })

  it('kills a hanging handler at the timeout, and the next invocation is cold', async () => {
    const runtime = await start({ handler: fixture('hang.mjs#handler'), timeoutMs: 1000 })
    await runtime.invoke({})
    remember(runtime)
    const [pid] = containerPids(runtime)
    const startedAt = Date.now()
    const hung = await runtime.invoke({ hang: 'busy' })

    expect(Date.now() - startedAt).toBeLessThan(2500)
    expect(hung.error).toEqual({
      errorType: 'Sandbox.Timedout',
      errorMessage: `RequestId: ${hung.requestId} Error: Task timed out after 1.00 seconds`,
      trace: [],
    })
    expect(hung.report).toMatchObject({ status: 'timeout', durationMs: 1000, billedDurationMs: 1000 })
    expect(platformLines(hung.report).report).toContain('\tStatus: timeout')
    expect(hung.logs.at(-1)).toMatch(/ Task timed out after 1\.00 seconds$/)
    expect(pid !== undefined && isAlive(pid)).toBe(false)

    const next = await runtime.invoke({})
    remember(runtime)
    expect(next.coldStart).toBe(true)
    expect(next.containerId).not.toBe(hung.containerId)
    expect(next.result).toMatchObject({ invocations: 1 })
  })

  it("returns a thrown error in Lambda's { errorType, errorMessage, trace } shape and keeps the container", async () => {
    const runtime = await start({ handler: fixture('throws.mjs#handler') })
    const failed = await runtime.invoke({})
    remember(runtime)

    expect(failed.result).toBeUndefined()
    expect(failed.error).toMatchObject({ errorType: 'TypeError', errorMessage: 'the order has no id' })
    expect(failed.error?.trace[0]).toBe('TypeError: the order has no id')
    expect(failed.report.status).toBe('error')
    expect(platformLines(failed.report).report).not.toContain('Status:')
    expect(failed.logs.join('\n')).toContain('Invoke Error')
    expect((await runtime.invoke({})).coldStart).toBe(false)
  })

  it('reports an init error as Lambda does: INIT_REPORT, Status: error, and a fresh container next time', async () => {
    const runtime = await start({ handler: fixture('init-throws.mjs#handler') })
    const failed = await runtime.invoke({})

    expect(failed.error).toMatchObject({
      errorType: 'Error',
      errorMessage: 'cannot connect to the database at import time',
    })
    expect(failed.report).toMatchObject({ status: 'error', errorType: 'Error', errorPhase: 'init' })
    expect(platformLines(failed.report).initReport).toMatch(
      /^INIT_REPORT Init Duration: \d+\.\d\d ms\tPhase: init\tStatus: error\tError Type: Error$/,
    )
    expect(failed.logs.join('\n')).toContain('Init Error')
    expect(runtime.containers).toEqual([])
    const again = await runtime.invoke({})
    expect(again.coldStart).toBe(true)
    expect(again.containerId).not.toBe(failed.containerId)
  })

  it('counts an init that overruns initTimeoutMs as an init failure and kills the container', async () => {
    const runtime = await start({ handler: fixture('slow-init.mjs#handler'), initTimeoutMs: 300 })
    const startedAt = Date.now()
    const failed = await runtime.invoke({})
    expect(Date.now() - startedAt).toBeLessThan(2000)
    expect(failed.error).toMatchObject({
      errorType: 'Sandbox.Timedout',
      errorMessage: 'INIT phase timed out after 0.30 seconds',
    })
    expect(failed.report).toMatchObject({ status: 'error', errorPhase: 'init', initDurationMs: 300 })
    expect(runtime.containers).toEqual([])
  })

  it.each([
    ['counter.ts#missing', 'counter.missing is undefined or not exported'],
    ['not-a-function.mjs#handler', 'not-a-function.handler is not a function'],
  ])('reports %s as Runtime.HandlerNotFound', async (handler, message) => {
    const runtime = await start({ handler: fixture(handler) })
    const { error, report } = await runtime.invoke({})
    expect(error).toMatchObject({ errorType: 'Runtime.HandlerNotFound', errorMessage: message })
    expect(report.errorPhase).toBe('init')
  })

  it('keeps /tmp across warm invocations of one container, and separate between containers', async () => {
    const runtime = await start({ handler: fixture('tmp-file.mjs#handler'), concurrency: 2 })
    const first = await runtime.invoke({ value: 'from container 1' })
    const warm = await runtime.invoke({ value: 'ignored' })
    remember(runtime)
    expect(first.result).toMatchObject({ before: null })
    expect(warm.result).toMatchObject({ before: 'from container 1' })
    expect(warm.containerId).toBe(first.containerId)

    const [busy, other] = await Promise.all([runtime.invoke({ value: 'x' }), runtime.invoke({ value: 'y' })])
    remember(runtime)
    const fresh = [busy, other].find((result) => result.coldStart)
    expect(fresh?.result).toMatchObject({ before: null })
    const tmpDirs = new Set(
      [first, busy, other].map((result) => (result.result as { tmpdir: string }).tmpdir),
    )
    expect(tmpDirs.size).toBe(2)
    await runtime.stop()
    for (const dir of tmpDirs) expect(existsSync(dir)).toBe(false)
  })

  it('spreads 40 concurrent invocations over 4 containers with concurrency 4', async () => {
    const runtime = await start({ handler: fixture('counter.ts#handler'), concurrency: 4 })
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, index) => runtime.invoke({ tag: `${index}` })),
    )
    remember(runtime)

    const perContainer = new Map<string, number>()
    for (const result of results)
      perContainer.set(result.containerId, (perContainer.get(result.containerId) ?? 0) + 1)
    expect(perContainer.size).toBe(4)
    expect(results.filter((result) => result.coldStart)).toHaveLength(4)
    expect(results.every((result) => result.error === undefined)).toBe(true)
    expect(runtime.containers).toHaveLength(4)
  })
})
