import { readdirSync } from 'node:fs'
import { basename, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { type Runtime, startRuntime } from '@sluice/runtime'
import { afterEach, describe, expect, it } from 'vitest'

const handlerFile = fileURLToPath(new URL('../fixtures/tmp/handler.ts', import.meta.url))
const started: Runtime[] = []

afterEach(async () => {
  await Promise.all(started.splice(0).map((runtime) => runtime.stop()))
})

interface Result {
  tmpdir: string
  scratch: string
  atStart: string[]
  during: string[]
  asset: string
  warnings: string[]
}

describe('@sluice/tmp through the real aws-lambda-ric', () => {
  it("between warm invocations a container's /tmp holds only the kept cache", async () => {
    const runtime = await startRuntime({ handler: `${handlerFile}#handler`, timeoutMs: 10_000 })
    started.push(runtime)
    const tmpDirOf = () => runtime.containers[0]?.tmpDir ?? ''

    const cold = await runtime.invoke({ asset: 'logo.svg' })
    expect(cold.error).toBeUndefined()
    expect(cold.coldStart).toBe(true)
    const first = cold.result as Result
    expect(first.tmpdir).toBe(tmpDirOf())
    expect(first.atStart).toEqual([])
    expect(first.during).toEqual(['assets', basename(first.scratch)].sort())
    expect(first.asset).toBe(join(tmpDirOf(), 'assets', 'logo.svg'))
    expect(readdirSync(tmpDirOf())).toEqual(['assets'])

    const strayed = await runtime.invoke({ asset: 'logo.svg', stray: true })
    expect(strayed.coldStart).toBe(false)
    expect(strayed.containerId).toBe(cold.containerId)
    expect((strayed.result as Result).atStart).toEqual(['assets'])
    expect(readdirSync(tmpDirOf())).toEqual(['assets'])

    const failed = await runtime.invoke({ asset: 'chart.svg', fail: true })
    expect(failed.error).toMatchObject({ errorMessage: 'render failed' })
    expect(readdirSync(tmpDirOf())).toEqual(['assets'])

    const warm = await runtime.invoke({ asset: 'chart.svg' })
    const last = warm.result as Result
    expect(warm.containerId).toBe(cold.containerId)
    expect(last.atStart).toEqual(['assets'])
    expect(last.scratch).not.toBe(first.scratch)
    expect(last.warnings).toEqual(['TMP_STRAYS_DELETED'])
    expect(readdirSync(tmpDirOf())).toEqual(['assets'])
    // The cache's marker (and journal) beside the two files it wrote.
    expect(readdirSync(join(tmpDirOf(), 'assets')).sort()).toEqual(['.sluice-cache', 'chart.svg', 'logo.svg'])
  })
})
