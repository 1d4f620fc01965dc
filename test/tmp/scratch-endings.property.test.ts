import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { lambda, type Middleware } from '@sluice/core'
import { createClock, createContext, hang } from '@sluice/testing'
import { timeout } from '@sluice/timeout'
import { type Scratch, tmp } from '@sluice/tmp'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'

/** How one invocation ends. `late` returns, then work it left running writes to its scratch path again. */
type Ending = 'success' | 'throw' | 'early' | 'timeout' | 'late'

interface Step {
  readonly ending: Ending
  readonly secret: string
}

/** Every regular file under `dir` (links not followed), with its content. */
function files(dir: string): Map<string, string> {
  const found = new Map<string, string>()
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile())
      found.set(join(entry.parentPath, entry.name), readFileSync(join(entry.parentPath, entry.name), 'utf8'))
  }
  return found
}

/** Another library's files in the root, and a scratch directory of a live process (this one's parent). */
function plant(root: string): Map<string, string> {
  writeFileSync(join(root, 'precious.txt'), 'a file of another library')
  mkdirSync(join(root, 'models'))
  writeFileSync(join(root, 'models', 'm.bin'), 'a cache of another library')
  const live = join(root, `sluice-scratch-${process.ppid}-0123456789abcdef`)
  mkdirSync(live)
  writeFileSync(join(live, 'in-flight.bin'), 'the scratch of a live process')
  return files(root)
}

/**
 * One container: tmp() outermost, an inner middleware that may write to the scratch and answer early, a handler
 * that writes a secret and then returns, throws or hangs, all raced by a timeout guard on a virtual clock.
 * `seen` collects what every later invocation could read of the root when its own code started.
 */
function container(root: string) {
  const clock = createClock(0)
  const guard = timeout({ clock, onTimeout: () => 'timed out' })
  const seen: string[] = []
  const lookAround = () => {
    for (const content of files(root).values()) seen.push(content)
  }
  const early: Middleware<{ context: { tmp: Scratch } }> = {
    before: function earlyBefore(request) {
      lookAround()
      const step = request.event as Step
      if (step.ending !== 'early') return undefined
      const scratch = request.context.tmp
      if (!scratch) throw new Error('tmp() runs before this middleware')
      writeFileSync(scratch.file('early.txt'), step.secret)
      return 'answered early'
    },
  }
  let latePath = ''
  const handler = guard.wrap(
    lambda<Step>()
      .use(tmp({ root, warn: () => {} }))
      .use(early)
      .handler(async (step, context) => {
        const path = context.tmp.file('nested/secret.txt')
        mkdirSync(dirname(path), { recursive: true })
        writeFileSync(path, step.secret)
        latePath = path
        if (step.ending === 'throw') throw new Error('failed')
        if (step.ending === 'timeout') await hang()
        return 'ok'
      }),
  )
  async function run(step: Step): Promise<void> {
    const outcome = handler(step, createContext({ clock, timeoutMs: 3_000 })).catch(
      (error: Error) => error.message,
    )
    if (step.ending === 'timeout') await clock.advance(3_000)
    expect(await outcome).toBe(
      { success: 'ok', throw: 'failed', early: 'answered early', timeout: 'timed out', late: 'ok' }[
        step.ending
      ],
    )
    if (step.ending === 'late') {
      // Work the handler left running re-creates its scratch path after the invocation ended.
      mkdirSync(dirname(latePath), { recursive: true })
      writeFileSync(latePath, step.secret)
    }
  }
  return { run, seen }
}

const step = fc.record({
  ending: fc.constantFrom<Ending>('success', 'throw', 'early', 'timeout', 'late'),
  secret: fc.uuid().map((id) => `secret-${id}`),
})

describe('scratch on every way an invocation ends', () => {
  test('property: no invocation reads what an earlier one wrote, and no file the package did not create is removed', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 5 }), async (steps) => {
        const root = mkdtempSync(join(tmpdir(), 'sluice-tmp-endings-'))
        try {
          const foreign = plant(root)
          const { run, seen } = container(root)
          for (const current of steps) await run(current)
          // One more invocation, which sees what the last one left.
          await run({ ending: 'success', secret: 'secret-final' })
          const secrets = new Set(steps.map((current) => current.secret))
          expect(seen.filter((content) => secrets.has(content))).toEqual([])
          const after = files(root)
          for (const [path, content] of foreign) expect(after.get(path), path).toBe(content)
          expect(after.size).toBe(foreign.size)
        } finally {
          rmSync(root, { recursive: true, force: true })
        }
      }),
      { numRuns: 200 },
    )
  }, 60_000)
})
