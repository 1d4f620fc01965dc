import { readdirSync, type Stats, statSync } from 'node:fs'

/**
 * How long a directory must have been left alone before its listing is trusted to stay current while its
 * modification and change times stay the same. Timestamps are coarse: the kernel stamps from a clock that ticks
 * every few ms, and some file systems keep whole seconds, so an entry added within the same tick or second as
 * the listing would leave them unchanged. 2 s covers both.
 */
export const SETTLED_MS = 2_000

/** The root's top-level names, and the root's stamp when they were read. */
export interface RootListing {
  readonly names: ReadonlySet<string>
  /** `ino`, `mtimeMs`, `ctimeMs` of the root when listed; `undefined` when they cannot vouch for the names. */
  readonly stamp: readonly [number, number, number] | undefined
}

const stampOf = (stats: Stats): [number, number, number] => [stats.ino, stats.mtimeMs, stats.ctimeMs]

/**
 * Lists `root` (one `stat` and one `readdir`) at `now` (epoch ms). The stamp vouches for the names only when the
 * root had settled (unchanged for {@link SETTLED_MS}) before they were read.
 *
 * @example
 * const listing = listRoot('/tmp') // { names: Set { 'assets' }, stamp: [1234, 1767225600000, 1767225600000] }
 */
export function listRoot(root: string, now: number = Date.now()): RootListing {
  const stats = statSync(root)
  const names = new Set(readdirSync(root))
  const settled = Math.max(stats.mtimeMs, stats.ctimeMs) < now - SETTLED_MS
  return { names, stamp: settled ? stampOf(stats) : undefined }
}

/**
 * The same names with no stamp: for a listing the caller changed (it removed some entries), which the root's
 * times no longer vouch for.
 *
 * @example
 * const afterSweep = unstamped(new Set(['assets']))
 */
export const unstamped = (names: ReadonlySet<string>): RootListing => ({ names, stamp: undefined })

/**
 * Whether the root still holds exactly the listed names, known from one `stat` instead of a `readdir`: adding,
 * removing or renaming an entry changes a directory's modification time, and a stamped listing was taken once
 * the root had settled, so any later change gives a newer time. False whenever in doubt.
 *
 * @example
 * if (!isCurrent('/tmp', listing)) listing = listRoot('/tmp')
 */
export function isCurrent(root: string, listing: RootListing): boolean {
  const { stamp } = listing
  if (stamp === undefined) return false
  const stats = statSync(root, { throwIfNoEntry: false })
  return (
    stats !== undefined && stats.ino === stamp[0] && stats.mtimeMs === stamp[1] && stats.ctimeMs === stamp[2]
  )
}
