import { lstatSync, readdirSync, statfsSync } from 'node:fs'
import { join } from 'node:path'
import { TmpError } from './errors.ts'
import { isLeftover } from './leftovers.ts'
import { removeEntry } from './remove.ts'
import { parseScratchName } from './scratch-name.ts'

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
  /** Epoch ms: ages and the owners' deadlines are measured against it. */
  readonly now: number
}

/**
 * Removes the top-level entries of `root` that are stale and not kept, never following links: a link is removed,
 * its target stays. Scratch directories of invocations in flight (in any worker thread or process, as their names
 * say) are left alone, leftovers are removed whatever their age. Returns the names removed.
 *
 * @example
 * sweepStale({ root: '/tmp', prefix: 'sluice-scratch', staleAfterMs: 900_000, isKept: () => false, now: Date.now() })
 */
export function sweepStale(options: SweepOptions): string[] {
  const { root, prefix, staleAfterMs, isKept, now } = options
  const swept: string[] = []
  for (const name of readdirSync(root)) {
    if (isKept(name)) continue
    if (parseScratchName(name, prefix) !== undefined) {
      if (!isLeftover(name, prefix, root, now)) continue
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
interface SpaceOptions extends SweepOptions {
  readonly sweepBelowBytes: number
  readonly minFreeBytes: number
}

/** What {@link ensureSpace} found: the names it swept and the free bytes it then measured. */
interface SpaceReading {
  readonly swept: string[]
  readonly free: number
}

/**
 * Measures free space in the root; below `sweepBelowBytes` sweeps stale entries, and below `minFreeBytes` after
 * that throws `TMP_NO_SPACE`. Costs one `statfs` when space is fine.
 *
 * @example
 * const { swept, free } = ensureSpace({ ...sweep, sweepBelowBytes: 64 << 20, minFreeBytes: 16 << 20 })
 */
function ensureSpace(options: SpaceOptions): SpaceReading {
  const { root, sweepBelowBytes, minFreeBytes } = options
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
  return { swept, free }
}

/** A reading is taken again at every invocation while free space is below this multiple of the larger threshold. */
const CLOSE_FACTOR = 2
/** How long a comfortable reading is reused when nothing was written through tmp() since. */
export const RECHECK_MS = 1_000

/** The free-space check of one `tmp()`: {@link ensureSpace}, measured only when the last reading may be out of date. */
export interface SpaceBudget {
  /**
   * Whether {@link SpaceBudget.check} would measure now. The caller asks first, so an invocation for which the last
   * reading still stands allocates nothing here (per-invocation arrays and option objects made V8 pretenure
   * tmp's per-invocation objects: see tmp.ts).
   */
  due(now: number): boolean
  /** Before an invocation: measures if due, sweeps when low, throws `TMP_NO_SPACE`; returns the names swept. */
  check(sweep: SweepOptions): string[]
  /** Something was written to the root through tmp() (a scratch made, strays found): the next check measures. */
  spent(): void
}

/**
 * {@link ensureSpace} at the start of an invocation, without a `statfs` on every call: the last reading is reused
 * while it is under {@link RECHECK_MS} old, at least twice the larger threshold, and no scratch was made (nor stray
 * found) since. So a burst of invocations that never touch their scratch measures about once a second, and one
 * after an invocation that wrote, or with space running low, measures every time. Both thresholds 0: never.
 *
 * @example
 * const budget = spaceBudget(64 << 20, 0)
 * const swept = budget.check({ root, prefix, staleAfterMs, isKept, now: Date.now() })
 */
export function spaceBudget(sweepBelowBytes: number, minFreeBytes: number): SpaceBudget {
  const comfortable = CLOSE_FACTOR * Math.max(sweepBelowBytes, minFreeBytes)
  let readAt = Number.NEGATIVE_INFINITY
  let free = 0
  let written = true
  const due = (now: number): boolean => {
    if (sweepBelowBytes === 0 && minFreeBytes === 0) return false
    const age = now - readAt
    return written || free < comfortable || age < 0 || age >= RECHECK_MS
  }
  return {
    due,
    check: function checkSpace(sweep) {
      if (!due(sweep.now)) return []
      const reading = ensureSpace({ ...sweep, sweepBelowBytes, minFreeBytes })
      written = false
      readAt = sweep.now
      free = reading.free
      return reading.swept
    },
    spent: function spaceSpent() {
      written = true
    },
  }
}
