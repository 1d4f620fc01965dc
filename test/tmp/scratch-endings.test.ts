import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { type Runtime, startRuntime } from '@sluice/runtime'
import { afterEach, describe, expect, it } from 'vitest'

const fixture = fileURLToPath(new URL('../fixtures/tmp/scratch-ending.ts', import.meta.url))
const started: Runtime[] = []
const roots: string[] = []

afterEach(async () => {
  await Promise.all(started.splice(0).map((runtime) => runtime.stop()))
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true })
})

/** A runtime whose containers all use one scratch root, as a restarted runtime finds its /tmp again. */
async function runtimeWithSharedRoot(exportName: string, timeoutMs: number) {
  const root = mkdtempSync(join(tmpdir(), 'sluice-tmp-e2e-'))
  roots.push(root)
  const runtime = await startRuntime({
    handler: `${fixture}#${exportName}`,
    timeoutMs,
    env: { SCRATCH_ROOT: root },
  })
  started.push(runtime)
  return { root, runtime }
}

interface Seen {
  atStart: string[]
  scratch: string
  pid: number
  warnings: string[]
}

describe('scratch on every way an invocation ends, through the real aws-lambda-ric', () => {
  it('a hard kill at the function timeout leaves a scratch that the next cold start removes before its handler', async () => {
    const { root, runtime } = await runtimeWithSharedRoot('handler', 1_000)
    const killed = await runtime.invoke({ secret: 'customer A', hang: true })
    expect(killed.error).toMatchObject({ errorType: expect.stringMatching(/Timedout|TimeoutError/) })
    // The kill ran no hook: the customer's file is still there, in the root the next container shares.
    const [leftover, ...others] = readdirSync(root)
    expect(others).toEqual([])
    expect(readFileSync(join(root, leftover ?? '', 'customer.json'), 'utf8')).toBe('customer A')

    const next = await runtime.invoke({ secret: 'customer B' })
    expect(next.coldStart).toBe(true)
    expect(next.containerId).not.toBe(killed.containerId)
    const seen = next.result as Seen
    expect(seen.atStart).toEqual([])
    expect(seen.warnings).toEqual(['TMP_LEFTOVERS_SWEPT'])
    expect(readdirSync(root)).toEqual([])
  })

  it('when the timeout guard answers for a hung handler, the scratch is gone before the response', async () => {
    const { root, runtime } = await runtimeWithSharedRoot('guarded', 2_000)
    const answered = await runtime.invoke({ secret: 'customer A', hang: true })
    expect(answered.error).toBeUndefined()
    expect(answered.result).toMatchObject({ timedOut: true })
    expect(readdirSync(root)).toEqual([])

    const next = await runtime.invoke({ secret: 'customer B' })
    expect(next.coldStart).toBe(false)
    const seen = next.result as Seen
    expect(seen.atStart).toEqual([])
    expect(seen.pid).toBe((answered.result as { pid: number }).pid)
    expect(readdirSync(root)).toEqual([])
  })
})
