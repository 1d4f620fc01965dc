import {
  existsSync,
  lutimesSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs'
import { join } from 'node:path'
import { lambda } from '@sluice/core'
import { invoke } from '@sluice/testing'
import { describe, expect, test } from 'vitest'
import { privateRoots } from '../test-support/private-roots.ts'
import { recorder } from '../test-support/recorder.ts'
import { freeBytes } from './budget.ts'
import { tmp } from './tmp.ts'

const makeRoot = privateRoots()
const HOUR = 3_600_000
/** More than any disk has free: forces the "low space" branch with the real statfs. */
const ALWAYS = Number.MAX_SAFE_INTEGER

const age = (path: string, ms: number, link = false) => {
  const when = new Date(Date.now() - ms)
  if (link) lutimesSync(path, when, when)
  else utimesSync(path, when, when)
}

/** A root with stale and fresh entries, a kept stale cache, and a stale link to a directory outside. */
const crowdedRoot = () => {
  const root = makeRoot()
  const outside = makeRoot()
  writeFileSync(join(outside, 'precious.txt'), 'keep me')
  writeFileSync(join(root, 'old.bin'), 'x')
  mkdirSync(join(root, 'old-dir'))
  writeFileSync(join(root, 'old-dir', 'inner'), 'x')
  writeFileSync(join(root, 'fresh.bin'), 'x')
  mkdirSync(join(root, 'assets'))
  symlinkSync(outside, join(root, 'old-link'))
  age(join(root, 'old.bin'), 2 * HOUR)
  age(join(root, 'old-dir'), 2 * HOUR)
  age(join(root, 'assets'), 2 * HOUR)
  age(join(root, 'old-link'), 2 * HOUR, true)
  return { root, outside }
}

describe('budget', () => {
  test('freeBytes() reads statfs: a positive byte count', () => {
    expect(freeBytes(makeRoot())).toBeGreaterThan(0)
  })

  test('below sweepBelowBytes, stale entries that are not kept are swept before the handler runs', async () => {
    const { root, outside } = crowdedRoot()
    const { warn, warnings } = recorder()
    const handler = lambda()
      .use(tmp({ root, warn, keep: ['assets'], sweepBelowBytes: ALWAYS, staleAfterMs: HOUR }))
      .handler(() => readdirSync(root).sort())
    expect(await invoke(handler, {})).toEqual(['assets', 'fresh.bin'])
    expect(readFileSync(join(outside, 'precious.txt'), 'utf8')).toBe('keep me')
    expect(warnings).toHaveLength(1)
    expect(warnings[0]?.code).toBe('TMP_STALE_SWEPT')
    expect([...(warnings[0]?.paths ?? [])].sort()).toEqual(
      ['old-dir', 'old-link', 'old.bin'].map((n) => join(root, n)),
    )
  })

  test('with enough free space nothing is swept', async () => {
    const { root } = crowdedRoot()
    const handler = lambda()
      .use(tmp({ root, sweepBelowBytes: 1, staleAfterMs: HOUR }))
      .handler(() => readdirSync(root).length)
    expect(await invoke(handler, {})).toBe(5)
  })

  test('below minFreeBytes, TMP_NO_SPACE: the handler never runs and nothing is created', async () => {
    const { root } = crowdedRoot()
    let ran = false
    const handler = lambda()
      .use(tmp({ root, minFreeBytes: ALWAYS, sweepBelowBytes: 0, warn: () => {} }))
      .handler(() => {
        ran = true
      })
    await expect(invoke(handler, {})).rejects.toMatchObject({
      lambdaError: { errorType: 'TmpError', errorMessage: expect.stringContaining('minFreeBytes') },
    })
    expect(ran).toBe(false)
    expect(readdirSync(root)).toHaveLength(5)
    expect(existsSync(join(root, 'old.bin'))).toBe(true)
  })

  test('the refusal is a typed error the catch point sees, with code, status and the root', async () => {
    const root = makeRoot()
    const handler = lambda()
      .use(tmp({ root, minFreeBytes: ALWAYS }))
      .catch((error) => ({
        code: error.code,
        status: error.status,
        target: (error as { target?: string }).target,
      }))
      .handler(() => 'ran')
    expect(await invoke(handler, {})).toEqual({ code: 'TMP_NO_SPACE', status: 503, target: root })
  })
})
