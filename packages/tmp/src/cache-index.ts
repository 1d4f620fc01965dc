import { lstat, mkdir, readdir, unlink } from 'node:fs/promises'
import { join } from 'node:path'
import { isKeyName } from './cache-key.ts'
import { isMissing } from './remove.ts'

/** Prefix of the files `put()` writes before renaming them into place. */
export const TEMP_PREFIX = '.put-'

/**
 * Sizes of the cached files by key, least recently used first (a Map keeps insertion order, so a use is a
 * delete and a set), and their total.
 *
 * @example
 * const index = new LruIndex()
 * index.set('a', 10); index.set('b', 5); index.touch('a')
 * index.oldest() // 'b'
 */
export class LruIndex {
  readonly #sizes = new Map<string, number>()
  #total = 0

  get total(): number {
    return this.#total
  }

  has(key: string): boolean {
    return this.#sizes.has(key)
  }

  /** Marks `key` as just used; false when it is not indexed. */
  touch(key: string): boolean {
    const size = this.#sizes.get(key)
    if (size === undefined) return false
    this.#sizes.delete(key)
    this.#sizes.set(key, size)
    return true
  }

  set(key: string, size: number): void {
    this.delete(key)
    this.#sizes.set(key, size)
    this.#total += size
  }

  delete(key: string): boolean {
    const size = this.#sizes.get(key)
    if (size === undefined) return false
    this.#sizes.delete(key)
    this.#total -= size
    return true
  }

  /** The least recently used key other than `except`. */
  oldest(except?: string): string | undefined {
    for (const key of this.#sizes.keys()) if (key !== except) return key
    return undefined
  }
}

/**
 * Rebuilds the index from the cache directory (created if missing) after a cold start: regular files named like
 * keys, ordered by mtime (`get()` touches it). Temporary files of a `put()` that was killed, and links, which a
 * cache must never hand out, are removed.
 *
 * @example
 * const index = await loadIndex('/tmp/assets')
 */
export async function loadIndex(dir: string): Promise<LruIndex> {
  await mkdir(dir, { recursive: true, mode: 0o700 })
  const found: Array<{ key: string; size: number; usedAt: number }> = []
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    const ours = isKeyName(entry.name) || entry.name.startsWith(TEMP_PREFIX)
    if (!ours || entry.isDirectory()) continue
    if (entry.isSymbolicLink() || entry.name.startsWith(TEMP_PREFIX)) {
      await unlink(path).catch(ignoreMissing)
      continue
    }
    if (!entry.isFile()) continue
    try {
      const stats = await lstat(path)
      found.push({ key: entry.name, size: stats.size, usedAt: stats.mtimeMs })
    } catch (error) {
      ignoreMissing(error)
    }
  }
  found.sort((a, b) => a.usedAt - b.usedAt)
  const index = new LruIndex()
  for (const { key, size } of found) index.set(key, size)
  return index
}

/** Swallows ENOENT (someone removed it first), rethrows anything else. */
export function ignoreMissing(error: unknown): void {
  if (!isMissing(error)) throw error
}
