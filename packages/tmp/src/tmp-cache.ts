import { lstat, lutimes, rename, unlink } from 'node:fs/promises'
import { join } from 'node:path'
import { type CacheDir, cacheDirPath, checkCacheDir, openCacheDir } from './cache-dir.ts'
import { compactJournal, ignoreMissing, isOurs, type LruIndex, loadIndex } from './cache-index.ts'
import { readJournal, readMarkerId, record } from './cache-journal.ts'
import { checkKey } from './cache-key.ts'
import { type CacheData, writeTemp } from './cache-write.ts'
import { TmpError, tmpOptions } from './errors.ts'

export type { CacheData } from './cache-write.ts'

/** Options of {@link tmpCache}. */
export interface TmpCacheOptions {
  /**
   * Strictly inside the tmp root (`os.tmpdir()`, read on first use, so the runtime's TMPDIR applies): relative to
   * it, or absolute inside it. Created by the cache; an existing directory the cache did not create is refused.
   */
  readonly dir?: string
  /** Most bytes the cached files may take together (a whole number ≥ 1); least recently used files are evicted past it. */
  readonly maxBytes: number
}

/**
 * A size-capped file cache that outlives invocations (see {@link tmpCache}).
 *
 * @example
 * const path = await fonts.getOrFetch('inter.woff2', () => download(FONT_URL))
 */
export interface TmpCache {
  /** The cache directory (resolved on first access). Pass it to `tmp({ keep: [cache.dir] })`. */
  readonly dir: string
  /** The path of the cached file, marked as just used, or `undefined`. */
  get(key: string): Promise<string | undefined>
  /** Stores `data` atomically (temp file + rename), evicts to stay within `maxBytes`, returns the path. */
  put(key: string, data: CacheData): Promise<string>
  /** `get(key)`, or on a miss `put(key, await fetcher())`; concurrent misses of one key share one fetch. */
  getOrFetch(key: string, fetcher: () => CacheData | Promise<CacheData>): Promise<string>
  /** Removes the entry; false when there was none. */
  delete(key: string): Promise<boolean>
  /** Total size of the cached files, in bytes. */
  bytesUsed(): Promise<number>
}

/**
 * The "cache static assets in /tmp" pattern, done safely: a cross-invocation file cache with a size cap and
 * least-recently-used eviction. Writes are atomic (a temporary file renamed into place), so a killed invocation
 * never leaves half a file under a key. The cache owns only a directory it created (strictly inside the tmp root,
 * marked with a random id; anything else is refused) and removes only files it wrote (its journal records each
 * one's inode), so a `dir` pointing at someone else's files can never make it delete them. The index lives in
 * memory and is rebuilt from the journal on a cold start. Keys are plain file names (`TMP_INVALID_KEY`
 * otherwise). Create it at module scope; it touches the disk only when used.
 *
 * @example
 * const models = tmpCache({ dir: 'models', maxBytes: 300 * 1024 ** 2 })
 * export const handler = lambda()
 *   .use(tmp({ keep: [models.dir] }))
 *   .handler(async () => {
 *     const path = await models.getOrFetch('classifier-v3.onnx', () => s3Body('models/classifier-v3.onnx'))
 *     return classify(await load(path))
 *   })
 */
export function tmpCache(options: TmpCacheOptions): TmpCache {
  tmpOptions.check(typeof options === 'object' && options !== null, 'options', options, '{ maxBytes, dir? }')
  const { dir: dirOption = 'sluice-cache', maxBytes } = options
  tmpOptions.number('maxBytes', maxBytes, { integer: true, min: 1 })
  checkCacheDir(dirOption)
  let dir: string | undefined
  let opened: Promise<{ dir: CacheDir; index: LruIndex }> | undefined
  const fetching = new Map<string, Promise<string>>()
  // Journal lines this cache appended since it last compacted: a warm container must not grow it without bound.
  let appended = 0

  const resolveDir = (): string => {
    dir ??= cacheDirPath(dirOption)
    return dir
  }
  const load = () => {
    opened ??= (async () => {
      const cacheDir = await openCacheDir(dirOption)
      const journal = await readJournal(cacheDir.path)
      return {
        dir: cacheDir,
        index: await loadIndex(cacheDir.path, journal?.id === cacheDir.id ? journal : undefined),
      }
    })().catch((error: unknown) => {
      opened = undefined
      throw error
    })
    return opened
  }
  /** Before writing: the directory must still be the one the cache opened (not removed, not replaced). */
  const current = async () => {
    const seen = load()
    const state = await seen
    if ((await readMarkerId(state.dir.path)) === state.dir.id) return state
    if (opened === seen) opened = undefined
    return load()
  }

  const tooLarge = (key: string) => () =>
    new TmpError(
      `The value for cache key ${JSON.stringify(key)} is larger than the cache (${maxBytes} bytes)`,
      {
        code: 'TMP_CACHE_ENTRY_TOO_LARGE',
        target: key,
      },
    )

  /** Whether `key` may be written: nothing there, or a file this cache (or one sharing the directory) wrote. */
  async function free(base: string, index: LruIndex, key: string): Promise<boolean> {
    const path = join(base, key)
    const own = index.peek(key)
    if (own !== undefined && (await isOurs(path, own))) return true
    if ((await lstat(path).catch(() => undefined)) === undefined) return true
    const shared = (await readJournal(base))?.written.get(key)
    return shared !== undefined && (await isOurs(path, shared))
  }

  /** Evicts least recently used entries until within `maxBytes`; how many. */
  async function evict(base: string, lru: LruIndex, keep: string): Promise<number> {
    let evicted = 0
    for (let victim = lru.oldest(keep); lru.weight > maxBytes && victim; victim = lru.oldest(keep)) {
      evicted += 1
      const entry = lru.peek(victim)
      lru.delete(victim)
      const path = join(base, victim)
      // Only the file the cache wrote: one put there since by anyone else stays.
      if (entry && (await isOurs(path, entry))) await unlink(path).catch(ignoreMissing)
      await record(base, victim)
    }
    return evicted
  }

  const cache: TmpCache = {
    get dir() {
      return resolveDir()
    },
    get: async function tmpCacheGet(key) {
      checkKey(key)
      const { dir: cacheDir, index } = await load()
      const entry = index.peek(key)
      if (entry === undefined) return undefined
      const path = join(cacheDir.path, key)
      // Never hand out what the cache did not write (a link or file planted under a key): its author chose it.
      if (!(await isOurs(path, entry))) {
        index.delete(key)
        return undefined
      }
      // The mtime carries the LRU order over a cold start, when the index is rebuilt.
      const now = new Date()
      await lutimes(path, now, now).catch(ignoreMissing)
      index.touch(key)
      return path
    },
    put: async function tmpCachePut(key, data) {
      checkKey(key)
      const { dir: cacheDir, index } = await current()
      const base = cacheDir.path
      const path = join(base, key)
      if (!(await free(base, index, key))) {
        throw new TmpError(
          `The cache directory holds ${path}, which the cache did not write: it is left alone`,
          {
            code: 'TMP_CACHE_DIR_UNSAFE',
            target: path,
          },
        )
      }
      const { temp, written } = await writeTemp(base, data, maxBytes, tooLarge(key))
      await rename(temp, path)
      await record(base, key, written)
      index.set(key, written)
      const evicted = await evict(base, index, key)
      appended += 1 + evicted
      if (appended > 2 * index.size + 64) {
        appended = 0
        await compactJournal(base)
      }
      return path
    },
    getOrFetch: async function tmpCacheGetOrFetch(key, fetcher) {
      checkKey(key)
      const inFlight = fetching.get(key) ?? (await cache.get(key)) ?? fetching.get(key)
      if (inFlight !== undefined) return inFlight
      const fetched = (async () => cache.put(key, await fetcher()))().finally(() => fetching.delete(key))
      fetching.set(key, fetched)
      return fetched
    },
    delete: async function tmpCacheDelete(key) {
      checkKey(key)
      const { dir: cacheDir, index } = await load()
      const entry = index.peek(key)
      if (entry === undefined) return false
      index.delete(key)
      const path = join(cacheDir.path, key)
      const ours = await isOurs(path, entry)
      if (ours) await unlink(path).catch(ignoreMissing)
      await record(cacheDir.path, key)
      appended += 1
      return ours
    },
    bytesUsed: async function tmpCacheBytesUsed() {
      return (await load()).index.weight
    },
  }
  return cache
}
