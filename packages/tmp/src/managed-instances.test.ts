import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { lambda } from '@sluice/core'
import { invoke } from '@sluice/testing'
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { privateRoots, rootWithOutside } from '../test-support/private-roots.ts'
import { recorder } from '../test-support/recorder.ts'
import { tmp } from './tmp.ts'

// On Managed Instances (AWS_LAMBDA_MAX_CONCURRENCY set) other invocations run on the thread while one's scratch is
// made and removed: both go to the thread pool, and the invocation still answers only once its scratch is gone.

const makeRoot = privateRoots()
const LONG = { timeoutMs: 60_000 }
const scratches = (root: string) => readdirSync(root).filter((name) => name.startsWith('sluice-scratch-'))

beforeEach(() => {
  vi.stubEnv('AWS_LAMBDA_MAX_CONCURRENCY', '8')
})
afterEach(() => {
  vi.unstubAllEnvs()
})

describe('tmp() on Managed Instances', () => {
  test('a used scratch is gone when the invocation answers; the next ones find theirs made before the handler', async () => {
    const root = makeRoot()
    const handler = lambda<{ use: boolean }>()
      .use(tmp({ root }))
      .handler(({ use }, context) => {
        const atStart = scratches(root)
        if (!use) return { atStart, dir: undefined }
        writeFileSync(context.tmp.file('a.txt'), 'x')
        return { atStart, dir: context.tmp.dir }
      })
    const first = await invoke(handler, { use: true }, LONG)
    expect(first.atStart).toEqual([])
    expect(existsSync(first.dir ?? '')).toBe(false)

    const second = await invoke(handler, { use: true }, LONG)
    expect(second.atStart.map((name) => join(root, name))).toEqual([second.dir])
    expect(existsSync(second.dir ?? '')).toBe(false)

    // Made before the handler, never used: removed all the same, and the next invocation is back to first use.
    const unused = await invoke(handler, { use: false }, LONG)
    expect(unused.atStart).toHaveLength(1)
    expect(scratches(root)).toEqual([])
    const after = await invoke(handler, { use: false }, LONG)
    expect(after.atStart).toEqual([])
    expect(scratches(root)).toEqual([])
  })

  test('eight in flight at once: each finds its scratch intact until it ends, and none is left', async () => {
    const root = makeRoot()
    const { warn, warnings } = recorder()
    const handler = lambda<{ n: number }>()
      .use(tmp({ root, warn }))
      .handler(async ({ n }, context) => {
        const file = context.tmp.file(`secret-${n}.txt`)
        writeFileSync(file, `secret ${n}`)
        await sleep((n * 7) % 11)
        return { dir: context.tmp.dir, intact: readFileSync(file, 'utf8') === `secret ${n}` }
      })
    for (let round = 0; round < 3; round++) {
      const results = await Promise.all(Array.from({ length: 8 }, (_, n) => invoke(handler, { n }, LONG)))
      expect(results.map((result) => result.intact)).toEqual(Array(8).fill(true))
      expect(new Set(results.map((result) => result.dir)).size).toBe(8)
      for (const { dir } of results) expect(existsSync(dir)).toBe(false)
    }
    expect(scratches(root)).toEqual([])
    expect(warnings).toEqual([])
  })

  test('a scratch replaced by a link: the link is removed, never its target', async () => {
    const { root, outside } = rootWithOutside(makeRoot)
    // The handler moves its scratch away and leaves a link to a directory outside the root in its place.
    const swapForLink = (dir: string) => {
      renameSync(dir, `${dir}-moved`)
      symlinkSync(outside, dir)
      mkdirSync(join(outside, 'made-through-link'))
      return dir
    }
    const { warn, warnings } = recorder()
    const handler = lambda()
      .use(tmp({ root, warn }))
      .handler((_event, { tmp: scratch }) => swapForLink(scratch.dir))
    const dir = await invoke(handler, {}, LONG)
    expect(existsSync(dir)).toBe(false)
    expect(readFileSync(join(outside, 'precious.txt'), 'utf8')).toBe('keep me')
    expect(existsSync(join(outside, 'made-through-link'))).toBe(true)
    expect(warnings.map((warning) => warning.code)).toContain('TMP_SCRATCH_REPLACED')
  })
})
