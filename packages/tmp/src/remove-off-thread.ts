import { lstat, readdir, rm, rmdir, unlink } from 'node:fs/promises'
import { join } from 'node:path'
import { checkSegment, isMissing, type Removed } from './remove.ts'

/**
 * A directory of at most this many entries, none of them a directory, is removed entry by entry (one `readdir`, an
 * `unlink` each, one `rmdir`); anything else goes to Node's recursive `rm`, which walks it one call per entry.
 */
const FLAT_ENTRIES = 64

const ignoreMissing = (error: unknown): void => {
  if (!isMissing(error)) throw error
}

/** Removes the real directory `path` and its content; links inside are unlinked, never followed. */
async function removeDirectory(path: string): Promise<void> {
  const entries = await readdir(path, { withFileTypes: true })
  if (entries.length <= FLAT_ENTRIES && !entries.some((entry) => entry.isDirectory())) {
    await Promise.all(entries.map((entry) => unlink(join(path, entry.name)).catch(ignoreMissing)))
    try {
      await rmdir(path)
      return
    } catch (error) {
      // Written to meanwhile (work the invocation left running): the recursive walk below takes what is there now.
      if (isMissing(error)) return
      if ((error as { code?: unknown }).code !== 'ENOTEMPTY') throw error
    }
  }
  await rm(path, { recursive: true, force: true })
}

/**
 * {@link removeEntry} on the thread pool: the entry `name` of `parent` is removed without ever following a symbolic
 * link (a link is unlinked and its target stays; links inside a removed directory are unlinked), and the calling
 * thread is free meanwhile. For Managed Instances, where other invocations run on the thread while one's scratch
 * goes: `rmSync` holds the whole thread for as long as the disk takes (milliseconds on ext4, for a directory of one
 * file). A scratch of a few files costs four calls (`lstat`, `readdir`, `unlink`, `rmdir`), fewer than Node's
 * recursive `rm`. `name` must be a single path segment.
 *
 * @example
 * await removeEntryOffThread('/tmp', 'sluice-scratch-12-0123456789abcdef') // 'dir'
 */
export async function removeEntryOffThread(parent: string, name: string): Promise<Removed> {
  checkSegment(name)
  const path = join(parent, name)
  try {
    const stats = await lstat(path)
    if (!stats.isDirectory()) {
      await unlink(path)
      return stats.isSymbolicLink() ? 'link' : 'file'
    }
    await removeDirectory(path)
    return 'dir'
  } catch (error) {
    if (isMissing(error)) return 'missing'
    throw error
  }
}
