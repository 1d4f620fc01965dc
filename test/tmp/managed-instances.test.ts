import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { type InvocationResult, startRuntime } from '@sluice/runtime'
import type { TmpWarningDetails } from '@sluice/tmp'
import { afterEach, describe, expect, it } from 'vitest'

const fixture = fileURLToPath(new URL('../fixtures/tmp/managed-instances.ts', import.meta.url))
const controls: string[] = []
afterEach(() => {
  for (const control of controls.splice(0)) rmSync(control, { recursive: true, force: true })
})

interface Held {
  threadId: number
  dir: string
  survived: boolean
}

/** Waits (polling the filesystem) until `done()`; fails at once if an invocation that should still run ended. */
async function until(done: () => boolean, running: Array<Promise<InvocationResult>>): Promise<void> {
  let ended: InvocationResult | undefined
  for (const invocation of running) void invocation.then((result) => (ended ??= result))
  while (!done()) {
    if (ended) throw new Error(`an invocation ended too soon: ${JSON.stringify(ended.error ?? ended.result)}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

describe('@sluice/tmp on Managed Instances, through the real aws-lambda-ric', () => {
  it('scratch in flight survives other invocations finishing, sweeping and refusing, in both worker threads', {
    timeout: 60_000,
  }, async () => {
    const control = mkdtempSync(join(tmpdir(), 'sluice-tmp-mi-'))
    controls.push(control)
    await using runtime = await startRuntime({
      handler: `${fixture}#handler`,
      concurrency: 4,
      maxConcurrency: 4,
      workers: 2,
      timeoutMs: 60_000,
      env: { CONTROL_DIR: control },
    })
    const holds = [runtime.invoke({ mode: 'hold' }), runtime.invoke({ mode: 'hold' })]
    const holding = () => readdirSync(control).filter((name) => name.startsWith('holding-'))
    await until(() => holding().length === 2, holds)
    const heldDirs = holding().map((name) => readFileSync(join(control, name), 'utf8'))
    expect(runtime.containers).toHaveLength(1)
    const root = runtime.containers[0]?.tmpDir ?? ''

    // While both hold their scratch, invocations run in both workers: each worker's first one sweeps the root for
    // leftovers, one after an invocation that used its scratch sweeps again, every one sweeps stale entries (space
    // is "low") and deletes strays.
    const churned: Array<{ threadId: number; dir: string }> = []
    const perThread = () => Object.values(Object.groupBy(churned, (churn) => churn.threadId))
    while (
      churned.length < 40 &&
      !(perThread().length === 2 && perThread().every((runs = []) => runs.length >= 2))
    ) {
      writeFileSync(join(root, `another-library-${churned.length}.tmp`), 'stale once space is low')
      const churn = await runtime.invoke({ mode: 'churn' })
      expect(churn.error).toBeUndefined()
      churned.push(churn.result as { threadId: number; dir: string })
    }
    expect(perThread()).toHaveLength(2)
    const refused = await Promise.all([
      runtime.invoke({ mode: 'refuse' }),
      runtime.invoke({ mode: 'refuse' }),
    ])
    for (const refusal of refused) {
      expect(refusal.error).toMatchObject({
        errorType: 'TmpError',
        errorMessage: expect.stringContaining('minFreeBytes'),
      })
    }
    for (const dir of heldDirs) expect(existsSync(join(dir, 'customer.json'))).toBe(true)

    writeFileSync(join(control, 'release'), '')
    const ended = (await Promise.all(holds)).map((hold) => hold.result as Held)
    expect(ended.map((hold) => hold.survived)).toEqual([true, true])
    expect(ended.map((hold) => hold.dir).sort()).toEqual([...heldDirs].sort())

    const warnings = readdirSync(control)
      .filter((name) => name.startsWith('warnings-'))
      .flatMap((name) => readFileSync(join(control, name), 'utf8').trim().split('\n'))
      .map((line) => JSON.parse(line) as TmpWarningDetails)
    const touched = warnings.flatMap((warning) => warning.paths)
    for (const dir of heldDirs) expect(touched).not.toContain(dir)
    expect(new Set(warnings.map((warning) => warning.code))).toEqual(
      new Set(['TMP_STALE_SWEPT', 'TMP_STRAYS_DELETED']),
    )
    // Every scratch is gone; what is left in /tmp is at most a stray the last invocation's check has not seen.
    expect(readdirSync(root).filter((name) => name.startsWith('sluice-scratch-'))).toEqual([])
  })
})
