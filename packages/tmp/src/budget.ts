import { lstatSync, readdirSync, statfsSync } from 'node:fs'
import { join } from 'node:path'
import { TmpError } from './errors.ts'
import { isLeftover, scratchPid } from './leftovers.ts'
import { removeEntry } from './remove.ts'

/** Bytes an unprivileged process can still write on the filesystem holding `root` (one `statfs`). */
export function freeBytes(root: string): number {
  const stats = statfsSync(root)
  return stats.bavail * stats.bsize
}

/** What {@link sweepStale} needs to know. */
export interface SweepOptions {
  readonly root: string
  readonly prefix: string
  /** Entries whose own mtime (links: the link's) is older than this are removed. */
  readonly staleAfterMs: number
  readonly isKept: (name: string) => boolean
  readonly now: number
}

/**
 * Removes the top-level entries of `root` that are stale and not kept, never following links: a link is removed,
 * its target stays. Scratch directories of live invocations are left alone, leftovers are removed whatever their
 * age. Returns the names removed.
 *
 * @example
 * sweepStale({ root: '/tmp', prefix: 'sluice-scratch', staleAfterMs: 900_000, isKept: () => false, now: Date.now() })
 */
export function sweepStale(options: SweepOptions): string[] {
  const { root, prefix, staleAfterMs, isKept, now } = options
  const swept: string[] = []
  for (const name of readdirSync(root)) {
    if (isKept(name)) continue
    if (scratchPid(name, prefix) !== undefined) {
      if (!isLeftover(name, prefix, root)) continue
    } else {
      const stats = lstatSync(join(root, name), { throwIfNoEntry: false })
      if (stats === undefined || stats.mtimeMs > now - staleAfterMs) continue
    }
    if (removeEntry(root, name) !== 'missing') swept.push(name)
  }
  return swept
}

const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`

/** What {@link ensureSpace} needs: the sweep settings plus the thresholds. */
export interface SpaceOptions extends SweepOptions {
  readonly sweepBelowBytes: number
  readonly minFreeBytes: number
}

/**
 * Measures free space in the root; below `sweepBelowBytes` sweeps stale entries (returning their names), and
 * below `minFreeBytes` after that throws `TMP_NO_SPACE`. Costs one `statfs` when space is fine, nothing when
 * both thresholds are 0.
 *
 * @example
 * const swept = ensureSpace({ ...sweep, sweepBelowBytes: 64 << 20, minFreeBytes: 16 << 20 })
 */
export function ensureSpace(options: SpaceOptions): string[] {
  const { root, sweepBelowBytes, minFreeBytes } = options
  if (sweepBelowBytes === 0 && minFreeBytes === 0) return []
  let free = freeBytes(root)
  let swept: string[] = []
  if (free < sweepBelowBytes) {
    swept = sweepStale(options)
    if (swept.length > 0) free = freeBytes(root)
  }
  if (free < minFreeBytes) {
    throw new TmpError(
      `Only ${mb(free)} free in ${root}, and this function needs ${mb(minFreeBytes)} (minFreeBytes) before it starts: ` +
        'raise the ephemeral storage, write less to /tmp, or keep fewer caches there',
      { code: 'TMP_NO_SPACE', target: root, status: 503 },
    )
  }
  return swept
}
