import { lstat, readdir, unlink } from 'node:fs/promises'
import { join } from 'node:path'
import { Lru } from '@sluice/core'
import { compact, type Journal, readJournal, type Written } from './cache-journal.ts'
import { isMissing } from './remove.ts'

/**
 * Prefix of the files `put()` writes before renaming them into place (`.put-<16 hex>`).
 *
 * @example
 * join(dir, `${TEMP_PREFIX}${randomBytes(8).toString('hex')}`)
 */
export const TEMP_PREFIX = '.put-'
/** Names only this package gives to its temporary files: the rebuild may remove these and nothing else unindexed. */
const OWN_TEMP = /^\.(put-|sluice-cache\.new-)[0-9a-f]{16}$/

/**
 * The files the cache wrote, by key (size and inode), least recently used first, weighed by their size: core's
 * {@link Lru} with no count bound, because eviction removes files and skips the entry being written.
 *
 * @example
 * const index = createIndex()
 * index.set('a', { ino: '11', size: 10 }); index.set('b', { ino: '12', size: 5 }); index.touch('a')
 * index.oldest() // 'b'
 */
export type LruIndex = Lru<Written>

/**
 * An empty {@link LruIndex}: its weight is the bytes of the files it holds.
 *
 * @example
 * const index = createIndex()
 */
export const createIndex = (): LruIndex => new Lru<Written>({ weigh: (entry) => entry.size })

/**
 * Whether the file at `path` is still the one the cache wrote: a regular file with the recorded inode and size.
 *
 * @example
 * if (await isOurs(join(dir, key), entry)) await unlink(join(dir, key))
 */
export async function isOurs(path: string, entry: Written): Promise<boolean> {
  const stats = await lstat(path, { bigint: true }).catch((error: unknown) => {
    ignoreMissing(error)
    return undefined
  })
  if (!stats?.isFile()) return false
  return String(stats.ino) === entry.ino && Number(stats.size) === entry.size
}

/** A temporary file untouched this long belongs to a killed `put()`: a live one writes at least every chunk. */
const ABANDONED_AFTER_MS = 60_000

/**
 * Removes temporary files of killed writes: names only this package makes, regular files, untouched for a minute
 * (so a `put()` still streaming in another cache on the same directory keeps its file).
 */
async function removeAbandonedTemps(dir: string): Promise<void> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (!entry.isFile() || !OWN_TEMP.test(entry.name)) continue
    const path = join(dir, entry.name)
    const stats = await lstat(path).catch(() => undefined)
    if (stats?.isFile() && stats.mtimeMs < Date.now() - ABANDONED_AFTER_MS)
      await unlink(path).catch(ignoreMissing)
  }
}

/** The journal's entries whose file is still the one written, with its mtime (the last use). */
async function stillWritten(dir: string, journal: Journal | undefined) {
  const found: Array<{ key: string; entry: Written; usedAt: number }> = []
  for (const [key, entry] of journal?.written ?? []) {
    const stats = await lstat(join(dir, key), { bigint: true }).catch(() => undefined)
    if (!stats?.isFile() || String(stats.ino) !== entry.ino || Number(stats.size) !== entry.size) continue
    found.push({ key, entry, usedAt: Number(stats.mtimeMs) })
  }
  return found
}

/**
 * Rewrites the journal of `dir` to the files it records that are still there, when it is mostly history (more
 * than twice as many lines as entries, plus 64). Housekeeping: a failure (another cache compacting at the same
 * moment) costs nothing, so it never throws.
 *
 * @example
 * await compactJournal('/tmp/assets')
 */
export async function compactJournal(dir: string, journal?: Journal): Promise<void> {
  try {
    const read = journal ?? (await readJournal(dir))
    if (read === undefined || read.lines <= 2 * read.written.size + 64) return
    const found = await stillWritten(dir, read)
    await compact(dir, read.id, new Map(found.map(({ key, entry }) => [key, entry])))
  } catch {
    // Left as it is: the next compaction tries again.
  }
}

/**
 * Rebuilds the index of a cache directory after a cold start from its journal, not from what lies on disk: an
 * entry counts only while the file under its key is still the regular file with the inode and size the cache
 * recorded, so a file another library put there, or a link planted under a key, is never indexed, handed out or
 * evicted. Order is by mtime (`get()` touches it). Temporary files of a killed `put()` or compaction (names only
 * this package makes) are removed; the journal is compacted when mostly history.
 *
 * @example
 * const index = await loadIndex('/tmp/assets')
 */
export async function loadIndex(dir: string, journal?: Journal): Promise<LruIndex> {
  const read = journal ?? (await readJournal(dir))
  const found = await stillWritten(dir, read)
  await removeAbandonedTemps(dir)
  found.sort((a, b) => a.usedAt - b.usedAt)
  const index = createIndex()
  for (const { key, entry } of found) index.set(key, entry)
  await compactJournal(dir, read)
  return index
}

/** Swallows ENOENT (someone removed it first), rethrows anything else. */
export function ignoreMissing(error: unknown): void {
  if (!isMissing(error)) throw error
}
