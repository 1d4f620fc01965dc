import { randomBytes } from 'node:crypto'
import type { Stats } from 'node:fs'
import { lstat, lutimes, mkdir, open, rename, unlink } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { ignoreMissing, type LruIndex, loadIndex, TEMP_PREFIX } from './cache-index.ts'
import { checkKey } from './cache-key.ts'
import { checkAmount, checkOption, TmpError } from './errors.ts'

/** What `put()` stores: bytes, a string (UTF-8), or a stream of either (a Node `Readable`, a web `ReadableStream`). */
export type CacheData = string | Uint8Array | AsyncIterable<Uint8Array | string>

/** Options of {@link tmpCache}. */
export interface TmpCacheOptions {
  /** Absolute, or relative to `os.tmpdir()` (read on first use, so the runtime's TMPDIR applies). */
  readonly dir?: string
  /** Most bytes the cached files may take together; least recently used files are evicted past it. */
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

async function* chunksOf(data: CacheData): AsyncIterable<Uint8Array> {
  if (typeof data === 'string') yield Buffer.from(data)
  else if (data instanceof Uint8Array) yield data
  else for await (const chunk of data) yield typeof chunk === 'string' ? Buffer.from(chunk) : chunk
}

/**
 * The "cache static assets in /tmp" pattern, done safely: a cross-invocation file cache with a size cap and
 * least-recently-used eviction. Writes are atomic (a temporary file renamed into place), so a killed invocation
 * never leaves half a file under a key. The index lives in memory and is rebuilt from the directory (mtimes) on
 * a cold start. Keys are plain file names (`TMP_INVALID_KEY` otherwise). Create it at module scope; it touches
 * the disk only when used.
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
  checkOption(typeof options === 'object' && options !== null, 'options', 'pass { maxBytes, dir? }')
  const { dir: dirOption = 'sluice-cache', maxBytes } = options
  checkAmount(maxBytes, 'maxBytes', 'bytes')
  checkOption(maxBytes > 0, 'maxBytes', 'pass a number of bytes > 0')
  checkOption(typeof dirOption === 'string' && dirOption.length > 0, 'dir', 'pass a directory path')
  let dir: string | undefined
  let index: Promise<LruIndex> | undefined
  const fetching = new Map<string, Promise<string>>()

  const resolveDir = (): string => {
    dir ??= resolve(tmpdir(), dirOption)
    return dir
  }
  const load = (): Promise<LruIndex> => {
    index ??= loadIndex(resolveDir()).catch((error: unknown) => {
      index = undefined
      throw error
    })
    return index
  }

  async function write(temp: string, data: CacheData, key: string): Promise<number> {
    const tooLarge = () =>
      new TmpError(
        `The value for cache key ${JSON.stringify(key)} is larger than the cache (${maxBytes} bytes)`,
        {
          code: 'TMP_CACHE_ENTRY_TOO_LARGE',
          target: key,
        },
      )
    if (data instanceof Uint8Array && data.byteLength > maxBytes) throw tooLarge()
    const file = await open(temp, 'wx', 0o600)
    let size = 0
    try {
      for await (const chunk of chunksOf(data)) {
        size += chunk.byteLength
        if (size > maxBytes) throw tooLarge()
        await file.writeFile(chunk)
      }
    } catch (error) {
      await file.close()
      await unlink(temp).catch(ignoreMissing)
      throw error
    }
    await file.close()
    return size
  }

  async function evict(lru: LruIndex, keep: string): Promise<void> {
    const base = resolveDir()
    for (let victim = lru.oldest(keep); lru.total > maxBytes && victim; victim = lru.oldest(keep)) {
      lru.delete(victim)
      await unlink(join(base, victim)).catch(ignoreMissing)
    }
  }

  const cache: TmpCache = {
    get dir() {
      return resolveDir()
    },
    get: async function tmpCacheGet(key) {
      checkKey(key)
      const lru = await load()
      if (!lru.has(key)) return undefined
      const path = join(resolveDir(), key)
      let stats: Stats
      try {
        stats = await lstat(path)
      } catch (error) {
        ignoreMissing(error)
        lru.delete(key)
        return undefined
      }
      if (!stats.isFile()) {
        // Never hand out a link (or anything else planted under a key): whoever planted it chose its target.
        lru.delete(key)
        if (stats.isSymbolicLink()) await unlink(path).catch(ignoreMissing)
        return undefined
      }
      // The mtime carries the LRU order over a cold start, when the index is rebuilt from the directory.
      const now = new Date()
      await lutimes(path, now, now).catch(ignoreMissing)
      lru.touch(key)
      return path
    },
    put: async function tmpCachePut(key, data) {
      checkKey(key)
      const lru = await load()
      const base = resolveDir()
      await mkdir(base, { recursive: true, mode: 0o700 })
      const temp = join(base, `${TEMP_PREFIX}${randomBytes(8).toString('hex')}`)
      const size = await write(temp, data, key)
      const path = join(base, key)
      await rename(temp, path)
      lru.set(key, size)
      await evict(lru, key)
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
      const lru = await load()
      const had = lru.delete(key)
      try {
        await unlink(join(resolveDir(), key))
        return true
      } catch (error) {
        ignoreMissing(error)
        return had
      }
    },
    bytesUsed: async function tmpCacheBytesUsed() {
      return (await load()).total
    },
  }
  return cache
}
