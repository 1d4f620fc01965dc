import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { lambda, type Middleware } from '@sluice/core'
import { invoke } from '@sluice/testing'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { betweenInvocations } from '../test-support/between-invocations.ts'
import { privateRoots } from '../test-support/private-roots.ts'
import { recorder } from '../test-support/recorder.ts'
import type { Scratch } from './scratch.ts'
import { tmp } from './tmp.ts'

// Managed Instances run several invocations at once in one worker thread: these tests hold one invocation in
// flight with its scratch written while others start, finish, sweep and hit the budget on the same root.

const makeRoot = privateRoots()
/** More than any disk has free: every invocation sweeps (and, as minFreeBytes, refuses). */
const ALWAYS = Number.MAX_SAFE_INTEGER
const LONG = { timeoutMs: 60_000 }

/** A promise the test resolves by hand. */
function gate() {
  let open: () => void = () => {}
  const opened = new Promise<void>((resolve) => {
    open = resolve
  })
  return { opened, open }
}

interface Hold {
  readonly secret: string
  readonly written: () => void
  readonly release: Promise<void>
}

/** Writes the secret to the scratch, says so, waits for release, then reads it back. */
async function holdScratch(scratch: Scratch, hold: Hold): Promise<{ dir: string; survived: boolean }> {
  const file = scratch.file('nested-secret.txt')
  writeFileSync(file, hold.secret)
  hold.written()
  await hold.release
  return { dir: scratch.dir, survived: existsSync(file) && readFileSync(file, 'utf8') === hold.secret }
}

/** Starts an invocation that holds its scratch; resolves once the scratch is written, with the way to end it. */
async function startHolding(handler: (event: Hold) => Promise<{ dir: string; survived: boolean }>) {
  const written = gate()
  const release = gate()
  const outcome = handler({
    secret: `secret-${Math.random()}`,
    written: written.open,
    release: release.opened,
  })
  await written.opened
  return { outcome, release: release.open }
}

describe('invocations in flight at once in one worker thread', () => {
  test('others finishing, sweeping, deleting strays and hitting the budget never touch a scratch in flight', async () => {
    const root = makeRoot()
    const { warn, warnings } = recorder()
    const options = { root, warn, strays: 'delete', sweepBelowBytes: ALWAYS, staleAfterMs: 0 } as const
    const holding = lambda<Hold>()
      .use(tmp(options))
      .handler((hold, context) => holdScratch(context.tmp, hold))
    const churning = lambda<{ n: number }>()
      .use(tmp(options))
      .handler(({ n }, context) => {
        writeFileSync(context.tmp.file('work.bin'), 'x')
        writeFileSync(join(root, `stray-${n}.log`), 'written outside the scratch')
        return context.tmp.dir
      })
    // Another tmp() on the same root: its first invocation sweeps the root, then fails TMP_NO_SPACE.
    const refusing = lambda()
      .use(tmp({ ...options, minFreeBytes: ALWAYS }))
      .handler(() => 'never runs')

    const a = await startHolding((hold) => invoke(holding, hold, LONG))
    const b = await startHolding((hold) => invoke(holding, hold, LONG))
    const churned: string[] = []
    for (let n = 0; n < 3; n++) {
      writeFileSync(join(root, `another-library-${n}.tmp`), 'stale once space is low')
      churned.push(await invoke(churning, { n }, LONG))
      await betweenInvocations()
    }
    await expect(invoke(refusing, {}, LONG)).rejects.toMatchObject({ lambdaError: { errorType: 'TmpError' } })
    b.release()
    const second = await b.outcome
    a.release()
    const first = await a.outcome

    expect([first.survived, second.survived]).toEqual([true, true])
    const touched = warnings.flatMap((warning) => warning.paths)
    expect(touched).not.toContain(first.dir)
    expect(touched).not.toContain(second.dir)
    // The sweeps did run while both were in flight.
    expect(new Set(warnings.map((warning) => warning.code))).toEqual(
      new Set(['TMP_STALE_SWEPT', 'TMP_STRAYS_DELETED']),
    )
    expect(churned.some((dir) => existsSync(dir))).toBe(false)
    expect(readdirSync(root)).toEqual([])
  })

  test('an invocation that ended without tmp()’s hooks loses its scratch at the next start; one in flight keeps its own', async () => {
    const root = makeRoot()
    const { warn, warnings } = recorder()
    let earlyDir = ''
    const answerEarly: Middleware<{ context: { tmp: Scratch } }> = {
      before: (request) => {
        if (!(request.event as { early?: boolean }).early || !request.context.tmp) return undefined
        writeFileSync(request.context.tmp.file('early.txt'), 'customer data')
        earlyDir = request.context.tmp.dir
        return 'answered early'
      },
    }
    const handler = lambda<Partial<Hold> & { early?: boolean; hang?: boolean }>()
      .use(tmp({ root, warn }))
      .use(answerEarly)
      .handler(async (event, context) => {
        if (event.hang) {
          writeFileSync(context.tmp.file('hung.txt'), 'customer data')
          return new Promise<never>(() => {})
        }
        return event.secret === undefined ? undefined : holdScratch(context.tmp, event as Hold)
      })
    const held = await startHolding((hold) => invoke(handler, hold, LONG) as Promise<never>)
    expect(await invoke(handler, { early: true }, LONG)).toBe('answered early')
    // Past its deadline without any hook (a wrapper of its own raced it): Lambda has ended it.
    await expect(invoke(handler, { hang: true }, { timeoutMs: 50 })).rejects.toMatchObject({
      lambdaError: { errorType: 'Sandbox.Timedout' },
    })
    const [hungDir] = readdirSync(root)
      .map((name) => join(root, name))
      .filter((dir) => existsSync(join(dir, 'hung.txt')))
    // The deadline is in whole ms: let the clock pass it for sure before the next invocation looks.
    await new Promise((resolve) => setTimeout(resolve, 20))
    await invoke(handler, {}, LONG)
    expect(existsSync(earlyDir)).toBe(false)
    expect(hungDir !== undefined && existsSync(hungDir)).toBe(false)
    held.release()
    const { dir, survived } = await held.outcome
    expect(survived).toBe(true)
    // Each ended one was swept by the next invocation to start, the one in flight never.
    expect(warnings.map((warning) => [warning.code, warning.paths])).toEqual([
      ['TMP_LEFTOVERS_SWEPT', [earlyDir]],
      ['TMP_LEFTOVERS_SWEPT', [hungDir]],
    ])
    expect([earlyDir, hungDir]).not.toContain(dir)
  })

  type Step = { start: 'success' | 'throw' | 'stray' } | { release: number }

  test('property: in any interleaving, every invocation finds its scratch intact until it ends, and none is left', async () => {
    const step = fc.oneof(
      fc.record({ start: fc.constantFrom<'success' | 'throw' | 'stray'>('success', 'throw', 'stray') }),
      fc.record({ release: fc.nat() }),
    )
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 12 }), async (steps: Step[]) => {
        const root = makeRoot()
        const handler = lambda<Hold & { ending: 'success' | 'throw' | 'stray' }>()
          .use(tmp({ root, warn: () => {}, strays: 'delete', sweepBelowBytes: ALWAYS }))
          .handler(async (event, context) => {
            const held = await holdScratch(context.tmp, event)
            if (event.ending === 'stray') writeFileSync(join(root, `stray-${event.secret}`), 'x')
            if (event.ending === 'throw') throw new Error(JSON.stringify(held))
            return held
          })
        const inFlight: Array<Awaited<ReturnType<typeof startHolding>>> = []
        const survived: boolean[] = []
        const end = async (index: number) => {
          const [held] = inFlight.splice(index, 1)
          held?.release()
          const outcome = await held?.outcome.catch((error: { cause?: Error }) =>
            JSON.parse(error.cause?.message ?? '{}'),
          )
          survived.push(outcome?.survived === true)
          await betweenInvocations()
        }
        for (const current of steps) {
          if ('start' in current) {
            inFlight.push(
              await startHolding((hold) => invoke(handler, { ...hold, ending: current.start }, LONG)),
            )
          } else if (inFlight.length > 0) await end(current.release % inFlight.length)
        }
        while (inFlight.length > 0) await end(0)
        expect(survived.every(Boolean)).toBe(true)
        expect(readdirSync(root)).toEqual([])
      }),
      { numRuns: 150 },
    )
  })
})
