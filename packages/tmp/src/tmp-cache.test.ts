import {
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  unlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import fc from 'fast-check'
import { afterEach, describe, expect, test, vi } from 'vitest'
import { privateRoots } from '../test-support/private-roots.ts'
import { treeBytes } from '../test-support/tree-bytes.ts'
import { tmpCache } from './tmp-cache.ts'

const makeRoot = privateRoots()
afterEach(() => {
  vi.unstubAllEnvs()
})

const bytes = (size: number, fill = 1) => Buffer.alloc(size, fill)
/** The cache directory's entries other than its marker. */
const entries = (dir: string) => readdirSync(dir).filter((name) => name !== '.sluice-cache')

describe('tmpCache()', () => {
  test('put then get returns a path holding the value; a miss is undefined', async () => {
    const cache = tmpCache({ dir: join(makeRoot(), 'assets'), maxBytes: 1000 })
    expect(await cache.get('font.woff2')).toBeUndefined()
    const path = await cache.put('font.woff2', 'glyphs')
    expect(path).toBe(join(cache.dir, 'font.woff2'))
    expect(await cache.get('font.woff2')).toBe(path)
    expect(readFileSync(path, 'utf8')).toBe('glyphs')
    expect(await cache.bytesUsed()).toBe(6)
  })

  test('evicts the least recently used entries to stay within maxBytes; get() counts as a use', async () => {
    const cache = tmpCache({ dir: join(makeRoot(), 'c'), maxBytes: 300 })
    await cache.put('a', bytes(100))
    await cache.put('b', bytes(100))
    await cache.put('c', bytes(100))
    await cache.get('a')
    await cache.put('d', bytes(150))
    expect(entries(cache.dir).sort()).toEqual(['a', 'd'])
    expect(await cache.get('b')).toBeUndefined()
    expect(await cache.bytesUsed()).toBe(250)
    await cache.put('a', bytes(10))
    expect(await cache.bytesUsed()).toBe(160)
  })

  test('property: after any sequence of puts and gets the cache is within maxBytes and agrees with an LRU model', async () => {
    const maxBytes = 1000
    const op = fc.oneof(
      fc.record({
        kind: fc.constant('put' as const),
        key: fc.constantFrom('a', 'b', 'c', 'd', 'e'),
        size: fc.nat(600),
      }),
      fc.record({ kind: fc.constant('get' as const), key: fc.constantFrom('a', 'b', 'c', 'd', 'e') }),
    )
    await fc.assert(
      fc.asyncProperty(fc.array(op, { maxLength: 25 }), async (ops) => {
        const cache = tmpCache({ dir: join(makeRoot(), 'p'), maxBytes })
        let model: Array<{ key: string; size: number }> = []
        for (const step of ops) {
          const found = model.find((entry) => entry.key === step.key)
          if (step.kind === 'get') {
            expect((await cache.get(step.key)) !== undefined).toBe(found !== undefined)
            if (found) model = [...model.filter((entry) => entry !== found), found]
          } else {
            await cache.put(step.key, bytes(step.size))
            model = [...model.filter((entry) => entry.key !== step.key), { key: step.key, size: step.size }]
            while (model.reduce((sum, entry) => sum + entry.size, 0) > maxBytes) model.splice(0, 1)
          }
          expect(treeBytes(cache.dir) - statSync(join(cache.dir, '.sluice-cache')).size).toBeLessThanOrEqual(
            maxBytes,
          )
          expect(entries(cache.dir).sort()).toEqual(model.map((entry) => entry.key).sort())
        }
      }),
      { numRuns: 60 },
    )
  })

  test('writes are atomic: a stream that fails midway leaves the old value and no temporary file', async () => {
    const cache = tmpCache({ dir: join(makeRoot(), 'c'), maxBytes: 10_000 })
    await cache.put('model', 'version 1')
    async function* failing() {
      yield Buffer.from('version 2, first half')
      throw new Error('connection reset')
    }
    await expect(cache.put('model', failing())).rejects.toThrow('connection reset')
    expect(entries(cache.dir)).toEqual(['model'])
    expect(readFileSync((await cache.get('model')) ?? '', 'utf8')).toBe('version 1')
  })

  test('accepts Node and web streams of bytes or strings', async () => {
    const cache = tmpCache({ dir: join(makeRoot(), 'c'), maxBytes: 10_000 })
    await cache.put('node', Readable.from([Buffer.from('ab'), 'cd']))
    await cache.put('web', new Response('web body').body ?? '')
    expect(readFileSync(join(cache.dir, 'node'), 'utf8')).toBe('abcd')
    expect(readFileSync(join(cache.dir, 'web'), 'utf8')).toBe('web body')
  })

  test('a value larger than the whole cache is refused (TMP_CACHE_ENTRY_TOO_LARGE), leaving nothing behind', async () => {
    const cache = tmpCache({ dir: join(makeRoot(), 'c'), maxBytes: 100 })
    await expect(cache.put('big', bytes(101))).rejects.toMatchObject({
      code: 'TMP_CACHE_ENTRY_TOO_LARGE',
      target: 'big',
    })
    await expect(cache.put('big', Readable.from([bytes(60), bytes(60)]))).rejects.toMatchObject({
      code: 'TMP_CACHE_ENTRY_TOO_LARGE',
    })
    expect(entries(cache.dir)).toEqual([])
  })

  test('a cold start rebuilds the index from the journal, oldest use first; only files the cache wrote count', async () => {
    const dir = join(makeRoot(), 'c')
    const outside = makeRoot()
    writeFileSync(join(outside, 'precious.txt'), 'keep me')
    const warm = tmpCache({ dir, maxBytes: 300 })
    for (const key of ['a', 'b', 'c']) await warm.put(key, bytes(100))
    const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000)
    utimesSync(join(dir, 'a'), at(1), at(1))
    utimesSync(join(dir, 'b'), at(3), at(3))
    utimesSync(join(dir, 'c'), at(2), at(2))
    writeFileSync(join(dir, '.put-0123456789abcdef'), 'half a file from a killed put')
    utimesSync(join(dir, '.put-0123456789abcdef'), at(2), at(2))
    symlinkSync(join(outside, 'precious.txt'), join(dir, 'planted'))
    writeFileSync(join(dir, 'someone-elses-file'), bytes(500))
    utimesSync(join(dir, 'someone-elses-file'), at(10), at(10))
    mkdirSync(join(dir, 'someone-elses-dir'))

    const cold = tmpCache({ dir, maxBytes: 300 })
    expect(await cold.bytesUsed()).toBe(300)
    expect(await cold.get('planted')).toBeUndefined()
    expect(await cold.get('someone-elses-file')).toBeUndefined()
    await cold.put('d', bytes(100))
    expect(entries(dir).sort()).toEqual(['a', 'c', 'd', 'planted', 'someone-elses-dir', 'someone-elses-file'])
    expect(readFileSync(join(outside, 'precious.txt'), 'utf8')).toBe('keep me')
  })

  test('a link or file planted under a key is never handed out, nor removed', async () => {
    const outside = makeRoot()
    writeFileSync(join(outside, 'secret'), 'x')
    const cache = tmpCache({ dir: join(makeRoot(), 'c'), maxBytes: 100 })
    const path = await cache.put('k', 'v')
    unlinkSync(path)
    symlinkSync(join(outside, 'secret'), path)
    expect(await cache.get('k')).toBeUndefined()
    expect(lstatSync(path).isSymbolicLink()).toBe(true)
    expect(readFileSync(join(outside, 'secret'), 'utf8')).toBe('x')
    await expect(cache.put('k', 'v2')).rejects.toMatchObject({ code: 'TMP_CACHE_DIR_UNSAFE', target: path })
    expect(await cache.delete('k')).toBe(false)
    expect(lstatSync(path).isSymbolicLink()).toBe(true)
  })

  test('getOrFetch fetches once for concurrent misses and not at all on a hit', async () => {
    const cache = tmpCache({ dir: join(makeRoot(), 'c'), maxBytes: 100 })
    const fetcher = vi.fn(async () => 'fetched')
    const paths = await Promise.all([1, 2, 3].map(() => cache.getOrFetch('k', fetcher)))
    expect(new Set(paths).size).toBe(1)
    expect(await cache.getOrFetch('k', fetcher)).toBe(paths[0])
    expect(fetcher).toHaveBeenCalledTimes(1)
    const failing = vi.fn(async () => {
      throw new Error('down')
    })
    await expect(cache.getOrFetch('other', failing)).rejects.toThrow('down')
    await expect(cache.getOrFetch('other', failing)).rejects.toThrow('down')
    expect(failing).toHaveBeenCalledTimes(2)
  })

  test('delete() removes an entry and says whether there was one', async () => {
    const cache = tmpCache({ dir: join(makeRoot(), 'c'), maxBytes: 100 })
    await cache.put('k', 'v')
    expect(await cache.delete('k')).toBe(true)
    expect(await cache.delete('k')).toBe(false)
    expect(await cache.bytesUsed()).toBe(0)
  })

  test('keys that are not plain file names are refused with TMP_INVALID_KEY', async () => {
    const cache = tmpCache({ dir: join(makeRoot(), 'c'), maxBytes: 100 })
    for (const key of ['', '../x', 'a/b', 'a\\b', '.hidden', '..', 'a\0b', 'é'.repeat(128), 7]) {
      await expect(cache.put(key as string, 'v')).rejects.toMatchObject({ code: 'TMP_INVALID_KEY' })
      await expect(cache.get(key as string)).rejects.toMatchObject({ code: 'TMP_INVALID_KEY' })
    }
    expect(await cache.bytesUsed()).toBe(0)
  })

  test('a relative dir is resolved under os.tmpdir() on first use, so a container’s TMPDIR applies', async () => {
    const cache = tmpCache({ dir: 'assets', maxBytes: 100 })
    const root = makeRoot()
    vi.stubEnv('TMPDIR', root)
    expect(cache.dir).toBe(join(root, 'assets'))
    await cache.put('k', 'v')
    expect(readdirSync(root)).toEqual(['assets'])
  })

  test('bad options are refused with TMP_INVALID_OPTION', () => {
    for (const options of [
      { maxBytes: 0 },
      { maxBytes: -1 },
      { maxBytes: Number.POSITIVE_INFINITY },
      { maxBytes: 1, dir: '' },
    ]) {
      expect(() => tmpCache(options)).toThrowError(expect.objectContaining({ code: 'TMP_INVALID_OPTION' }))
    }
  })
})
