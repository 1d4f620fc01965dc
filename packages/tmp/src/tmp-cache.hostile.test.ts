import {
  chmodSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import fc from 'fast-check'
import { afterEach, describe, expect, test, vi } from 'vitest'
import { privateRoots } from '../test-support/private-roots.ts'
import { TmpError } from './errors.ts'
import { type TmpCache, tmpCache } from './tmp-cache.ts'

const makeRoot = privateRoots()
afterEach(() => {
  vi.unstubAllEnvs()
})

/** Every regular file and link under `dir` (not following links), with its content or target. */
function snapshot(dir: string): Map<string, string> {
  const found = new Map<string, string>()
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    const path = join(entry.parentPath, entry.name)
    if (entry.isSymbolicLink()) found.set(path, `link:${realpathSync(path)}`)
    else if (entry.isFile()) found.set(path, readFileSync(path, 'utf8'))
  }
  return found
}

/** A tmp root (the test's TMPDIR) holding other people's files, and a directory outside it with more. */
function hostileWorld() {
  vi.unstubAllEnvs()
  const root = makeRoot()
  const outside = makeRoot()
  writeFileSync(join(outside, 'secret.txt'), 'outside the root')
  writeFileSync(join(root, 'precious.txt'), 'a file of another library')
  writeFileSync(join(root, 'key-shaped'), 'named like a cache key')
  mkdirSync(join(root, 'existing'))
  writeFileSync(join(root, 'existing', 'data.bin'), 'an existing directory the cache did not make')
  mkdirSync(join(root, 'shared'), { mode: 0o777 })
  chmodSync(join(root, 'shared'), 0o777)
  symlinkSync(outside, join(root, 'link-out'))
  writeFileSync(join(root, 'fake-marker'), 'not a marker')
  mkdirSync(join(root, 'forged'))
  symlinkSync(join(root, 'fake-marker'), join(root, 'forged', '.sluice-cache'))
  vi.stubEnv('TMPDIR', root)
  return { root, outside }
}

// Hostile and ordinary dir options; ROOT and OUTSIDE stand for the absolute paths of the world.
const dirOption = fc.oneof(
  fc.constantFrom(
    '.',
    './',
    '..',
    '../x',
    'a/..',
    'a/../..',
    '',
    'a\0b',
    '/',
    'ROOT',
    'ROOT/.',
    'ROOT/../x',
    'OUTSIDE',
    'OUTSIDE/cache',
    'existing',
    'existing/data.bin',
    'shared',
    'link-out',
    'link-out/cache',
    'precious.txt',
    'forged',
    'cache',
    'nested/cache',
    'ROOT/cache',
  ),
  fc.string({ maxLength: 12 }),
)
const key = fc.oneof(
  fc.constantFrom('a', 'b', 'key-shaped', 'precious.txt', '.sluice-cache', '..', 'data.bin', 'x/y'),
  fc.string({ maxLength: 8 }),
)
const op = fc.record({
  cache: fc.constantFrom(0, 1),
  kind: fc.constantFrom('put', 'put', 'get', 'delete', 'plant'),
  key,
  size: fc.nat(120),
})
const EXPECTED_CODES = [
  'TMP_INVALID_OPTION',
  'TMP_INVALID_KEY',
  'TMP_CACHE_DIR_UNSAFE',
  'TMP_CACHE_ENTRY_TOO_LARGE',
]

describe('tmpCache under hostile input', () => {
  test('property: no file the cache did not write is ever removed, changed or handed out', async () => {
    await fc.assert(
      fc.asyncProperty(dirOption, fc.array(op, { maxLength: 8 }), async (rawDir, ops) => {
        const { root, outside } = hostileWorld()
        const dir = rawDir.replace('ROOT', root).replace('OUTSIDE', outside)
        const foreign = new Map([...snapshot(root), ...snapshot(outside)])
        const refused = (error: unknown) => {
          expect(error).toBeInstanceOf(TmpError)
          expect(EXPECTED_CODES).toContain((error as TmpError).code)
        }
        const caches: TmpCache[] = []
        let stored = false
        try {
          caches.push(tmpCache({ dir, maxBytes: 200 }), tmpCache({ dir, maxBytes: 150 }))
        } catch (error) {
          refused(error)
        }
        for (const step of ops) {
          const cache = caches[step.cache]
          if (!cache) break
          try {
            if (step.kind === 'put')
              stored = (await cache.put(step.key, `ours:${'x'.repeat(step.size)}`)) !== ''
            else if (step.kind === 'delete') await cache.delete(step.key)
            else if (step.kind === 'plant') {
              // Another library writes into the cache's directory (only once the cache made it).
              const path = join(cache.dir, step.key)
              if (
                lstatSync(cache.dir, { throwIfNoEntry: false }) &&
                !lstatSync(path, { throwIfNoEntry: false })
              ) {
                writeFileSync(path, `foreign:${step.size}`, { flag: 'wx' })
                foreign.set(path, `foreign:${step.size}`)
              }
            } else {
              const path = await cache.get(step.key)
              if (path !== undefined) expect(readFileSync(path, 'utf8')).toMatch(/^ours:/)
            }
          } catch (error) {
            if ((error as { code?: unknown }).code === 'ENOENT' || step.kind === 'plant') continue
            refused(error)
          }
        }
        const after = new Map([...snapshot(root), ...snapshot(outside)])
        for (const [path, content] of foreign) expect(after.get(path), path).toBe(content)
        const cacheDir = caches[0]?.dir
        if (stored && cacheDir) {
          // What the cache wrote into lies strictly inside the root, through no link.
          expect(realpathSync(cacheDir)).toBe(cacheDir)
          const inside = relative(realpathSync(root), cacheDir)
          expect(inside === '' || inside.startsWith('..')).toBe(false)
        }
        rmSync(root, { recursive: true, force: true })
        rmSync(outside, { recursive: true, force: true })
      }),
      { numRuns: 500 },
    )
  })

  test('a dir that is the root or leaves it is refused at construction, naming the option and the value', () => {
    const root = makeRoot()
    vi.stubEnv('TMPDIR', root)
    for (const dir of [
      '.',
      './',
      '..',
      '../x',
      'a/../..',
      '',
      'a\0b',
      '/',
      root,
      `${root}/.`,
      '/etc',
      tmpdir(),
    ]) {
      let caught: unknown
      try {
        tmpCache({ dir, maxBytes: 1 })
      } catch (error) {
        caught = error
      }
      expect(caught, JSON.stringify(dir)).toBeInstanceOf(TmpError)
      expect(caught).toMatchObject({ code: 'TMP_INVALID_OPTION', path: ['dir'] })
    }
  })

  test('an existing directory without the marker, a link out, or one others can write to is refused, untouched', async () => {
    const { root, outside } = hostileWorld()
    const before = snapshot(root)
    for (const dir of ['existing', 'link-out', 'link-out/cache', 'shared', 'forged', 'precious.txt']) {
      const cache = tmpCache({ dir, maxBytes: 100 })
      await expect(cache.put('k', 'v'), dir).rejects.toMatchObject({ code: 'TMP_CACHE_DIR_UNSAFE' })
      await expect(cache.get('k')).rejects.toMatchObject({ code: 'TMP_CACHE_DIR_UNSAFE' })
    }
    expect(snapshot(root)).toEqual(before)
    expect(readdirSync(outside)).toEqual(['secret.txt'])
  })

  test('a cache adopts the directory another cache made (cold start), and evicts only what it wrote', async () => {
    const { root } = hostileWorld()
    const first = tmpCache({ dir: 'fonts', maxBytes: 100 })
    await first.put('a', 'x'.repeat(60))
    writeFileSync(join(root, 'fonts', 'theirs'), 'y'.repeat(60))
    const cold = tmpCache({ dir: 'fonts', maxBytes: 100 })
    expect(await cold.get('a')).toBe(join(root, 'fonts', 'a'))
    expect(await cold.get('theirs')).toBeUndefined()
    await cold.put('b', 'z'.repeat(60))
    expect(readdirSync(join(root, 'fonts')).sort()).toEqual(['.sluice-cache', 'b', 'theirs'])
    expect(await cold.bytesUsed()).toBe(60)
  })

  test('a cache directory removed between invocations is made again, with a new marker', async () => {
    const { root } = hostileWorld()
    const cache = tmpCache({ dir: 'fonts', maxBytes: 100 })
    await cache.put('a', 'one')
    const marker = readFileSync(join(root, 'fonts', '.sluice-cache'), 'utf8').split('\n')[0]
    rmSync(join(root, 'fonts'), { recursive: true })
    await cache.put('b', 'two')
    expect(readFileSync(join(root, 'fonts', '.sluice-cache'), 'utf8').split('\n')[0]).not.toBe(marker)
    expect(await cache.get('a')).toBeUndefined()
    expect(await cache.get('b')).toBe(join(root, 'fonts', 'b'))
  })

  test('the journal stays bounded in a warm container: many puts and evictions are compacted', async () => {
    const { root } = hostileWorld()
    const cache = tmpCache({ dir: 'churn', maxBytes: 30 })
    for (let round = 0; round < 300; round += 1) await cache.put(`k${round % 7}`, 'x'.repeat(10))
    const lines = readFileSync(join(root, 'churn', '.sluice-cache'), 'utf8')
      .trimEnd()
      .split('\n')
    expect(lines.length).toBeLessThanOrEqual(1 + 2 * 3 + 64 + 2)
    const cold = tmpCache({ dir: 'churn', maxBytes: 30 })
    expect(await cold.bytesUsed()).toBe(30)
    expect((await cold.get('k5')) ?? '').toBe(join(root, 'churn', 'k5'))
  })

  test('numeric options: NaN, Infinity, negatives, zero and fractions are refused, naming option and value', () => {
    for (const maxBytes of [Number.NaN, Number.POSITIVE_INFINITY, -1, 0, 1.5, '10' as unknown as number]) {
      let caught: unknown
      try {
        tmpCache({ maxBytes })
      } catch (error) {
        caught = error
      }
      expect(caught).toBeInstanceOf(TmpError)
      expect(caught).toMatchObject({ code: 'TMP_INVALID_OPTION', path: ['maxBytes'] })
      expect((caught as Error).message).toContain('`maxBytes`')
      expect((caught as Error).message).toContain(
        typeof maxBytes === 'string' ? '"10"' : Object.is(maxBytes, -0) ? '-0' : String(maxBytes),
      )
    }
    expect(() => tmpCache({ maxBytes: 1 })).not.toThrow()
  })
})
