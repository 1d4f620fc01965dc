import { lstatSync, rmSync, unlinkSync } from 'node:fs'
import { isAbsolute, join, relative, sep } from 'node:path'

/** True when `child` is strictly inside `parent` (both absolute, normalised). */
export const isInside = (parent: string, child: string): boolean => {
  const rel = relative(parent, child)
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel)
}

/** What {@link removeEntry} found and did. */
export type Removed = 'link' | 'dir' | 'file' | 'missing'

/**
 * Removes the entry `name` of directory `parent` without ever following a symbolic link: a link is unlinked (its
 * target stays), a directory is removed with its content (`rmSync` unlinks links inside it, never their targets),
 * a file is unlinked. `name` must be a single path segment.
 *
 * Synchronous on purpose: Lambda runs one invocation at a time and answers only after the `after` hooks, so the
 * thread-pool round trips of the async API would only add latency (about twice the time for a 2 MB scratch). With
 * other invocations in flight on the thread (Managed Instances), `removeEntryOffThread` is the one to use.
 *
 * @example
 * removeEntry('/tmp', 'sluice-scratch-12-0123456789abcdef') // 'dir'
 */
export function removeEntry(parent: string, name: string): Removed {
  const entry = entryToRemove(parent, name)
  if (entry === undefined) return 'missing'
  try {
    if (entry.kind === 'dir') rmSync(entry.path, { recursive: true, force: true })
    else unlinkSync(entry.path)
  } catch (error) {
    if (isMissing(error)) return 'missing'
    throw error
  }
  return entry.kind
}

/** An entry about to be removed: its path, and what `lstat` found there (a link is a link, never its target). */
export interface EntryToRemove {
  readonly path: string
  readonly kind: Exclude<Removed, 'missing'>
}

/**
 * What is at the entry `name` of `parent`, read with one `lstat` on the calling thread (a metadata read the
 * kernel answers from its cache); `undefined` when nothing is there. Both removals start here. `name` must be a
 * single path segment (`TypeError` otherwise).
 *
 * @example
 * entryToRemove('/tmp', 'sluice-scratch-12-0123456789abcdef') // { path: '/tmp/sluice-scratch-…', kind: 'dir' }
 */
export function entryToRemove(parent: string, name: string): EntryToRemove | undefined {
  checkSegment(name)
  const path = join(parent, name)
  const stats = lstatSync(path, { throwIfNoEntry: false })
  if (stats === undefined) return undefined
  return { path, kind: stats.isSymbolicLink() ? 'link' : stats.isDirectory() ? 'dir' : 'file' }
}

/**
 * Throws a `TypeError` unless `name` is a single path segment: removal works on one entry of a directory it names,
 * never on a path that could lead elsewhere.
 *
 * @example
 * checkSegment('sluice-scratch-12-0123456789abcdef') // ok
 * checkSegment('../etc') // TypeError
 */
export function checkSegment(name: string): void {
  if (name === '' || name === '.' || name === '..' || name.includes('/') || name.includes('\0')) {
    throw new TypeError(`removal needs a single path segment, got ${JSON.stringify(name)}`)
  }
}

/** ENOENT: someone else removed it first, which is what we wanted. */
export const isMissing = (error: unknown): boolean => (error as { code?: unknown })?.code === 'ENOENT'
