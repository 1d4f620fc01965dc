import { rm, unlink } from 'node:fs/promises'
import { entryToRemove, isMissing, type Removed } from './remove.ts'

/**
 * {@link removeEntry} on the thread pool: the entry `name` of `parent` is removed without ever following a symbolic
 * link (a link is unlinked and its target stays; links inside a removed directory are unlinked), and the calling
 * thread is free meanwhile. For Managed Instances, where other invocations run on the thread while one's scratch
 * goes: `rmSync` holds the whole thread for as long as the disk takes (milliseconds on ext4, for a directory of one
 * file). What the entry is comes from one `lstat` on the thread, a metadata read the kernel answers from its cache;
 * a directory then goes in one `rm` (Node's, which unlinks links and never follows them). Awaiting that `lstat` on
 * the pool too, or removing entry by entry (`readdir`, `unlink`, `rmdir`), cost 3–7 % of the invocations per second
 * of the Managed Instances bench's environment (8 in flight, A/B runs of 11 and 15 rounds). `name` must be a single
 * path segment.
 *
 * @example
 * await removeEntryOffThread('/tmp', 'sluice-scratch-12-0123456789abcdef') // 'dir'
 */
export async function removeEntryOffThread(parent: string, name: string): Promise<Removed> {
  const entry = entryToRemove(parent, name)
  if (entry === undefined) return 'missing'
  try {
    // Replaced by a link since the lstat: `rm` unlinks it as it finds it, and its target stays.
    if (entry.kind === 'dir') await rm(entry.path, { recursive: true, force: true })
    else await unlink(entry.path)
  } catch (error) {
    if (isMissing(error)) return 'missing'
    throw error
  }
  return entry.kind
}
