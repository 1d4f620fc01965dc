// Issue 13's acceptance run through the local runtime and the real aws-lambda-ric: 1 000 invocations, function
// timeout 1 s, two containers, one in ten hanging past the timeout guard. No invocation may read a file another
// one wrote, and every buffered debug line of a hung invocation must reach the output.
import { fileURLToPath } from 'node:url'
import { type InvocationResult, type Runtime, startRuntime } from '@sluice/runtime'
import { afterAll, describe, expect, it } from 'vitest'

const handlerFile = fileURLToPath(new URL('../fixtures/hardening/guarded.ts', import.meta.url))
const INVOCATIONS = 1_000
const hangs = (n: number) => n % 10 === 7

describe('timeout guard + scratch + buffered logs, 1 000 invocations through the real RIC', () => {
  let runtime: Runtime | undefined
  afterAll(async () => {
    await runtime?.stop()
  })

  it('no scratch file is visible to a later invocation and every buffered line of a hung one is written', async () => {
    runtime = await startRuntime({ handler: `${handlerFile}#handler`, timeoutMs: 1_000, concurrency: 2 })
    const started = Date.now()
    const results: InvocationResult[] = []
    let next = 0
    const lane = async (): Promise<void> => {
      while (next < INVOCATIONS) {
        const n = next++
        results[n] = await (runtime as Runtime).invoke({ n, hang: hangs(n) })
      }
    }
    await Promise.all([lane(), lane()])
    const seconds = (Date.now() - started) / 1000
    console.info(`1 000 invocations (100 hung) in ${seconds.toFixed(1)} s`)
    expect(seconds).toBeLessThan(300)

    const problems: string[] = []
    results.forEach((invocation, n) => {
      const buffered = [0, 1, 2, 3, 4].map((line) => `buffered ${n}.${line}`)
      const written = buffered.filter((line) => invocation.logs.some((log) => log.includes(line)))
      if (invocation.error)
        problems.push(`${n}: ${invocation.error.errorType} ${invocation.error.errorMessage}`)
      else if (hangs(n)) {
        if (!(invocation.result as { timedOut?: boolean }).timedOut)
          problems.push(`${n}: not answered by the guard`)
        if (written.length !== buffered.length)
          problems.push(`${n}: buffered lines lost: ${written.length} of 5`)
      } else {
        const { seen } = invocation.result as { seen: string[] }
        if (seen.length > 0) problems.push(`${n}: read ${seen.join(', ')}`)
        if (written.length > 0) problems.push(`${n}: wrote buffered lines of a successful invocation`)
      }
    })
    expect(problems).toEqual([])
  }, 330_000)
})
