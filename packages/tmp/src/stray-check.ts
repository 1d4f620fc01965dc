import { basename } from 'node:path'
import type { StrayPolicy } from './options.ts'
import { isCurrent, listRoot, type RootListing, unstamped } from './root-listing.ts'
import type { RootWatch } from './root-watch.ts'
import { handleStrays } from './strays.ts'
import type { TmpWarnFn } from './warn.ts'

/** What a {@link strayCheck} needs to know about its root. */
export interface StrayCheckOptions {
  readonly root: string
  readonly prefix: string
  readonly policy: Exclude<StrayPolicy, 'ignore'>
  readonly isKept: (name: string) => boolean
  /**
   * Managed Instances (`AWS_LAMBDA_MAX_CONCURRENCY`): other invocations, in this worker thread and others, change
   * the root between two of this worker's, so a listing is checked against the root before it is reused.
   */
  readonly concurrent: boolean
  /** The root's renames as `fs.watch` reports them; without it every end `stat`s the root. */
  readonly watched: RootWatch | undefined
  /** Strays were found (now, or later for an invocation whose check waited for the event loop). */
  readonly onFound: () => void
}

/** The root's names an invocation starts from, and how many renames the watch had counted when they were read. */
export interface Baseline {
  readonly listing: RootListing
  readonly seen: number | undefined
}

/** The stray check of one `tmp()` on one root: a listing at each invocation's start, compared at its end. */
export interface StrayCheck {
  /** The listing an invocation starts from: `fresh` if the caller just took one, else the last one if still good. */
  start(fresh: RootListing | undefined): Baseline
  /**
   * Compares the root with `before` and applies the policy; returns the strays' paths found now. With a watch and
   * no rename seen yet, the comparison waits for the next rename the event loop delivers (see `strayCheck`).
   */
  end(before: Baseline, warn: TmpWarnFn): string[]
}

/**
 * The stray check, touching the disk only when the root's names changed. The listing taken when an invocation
 * ends is the next one's start (Lambda freezes the process in between). With a watch (`fs.watch`, inotify), an
 * end that has seen no rename since its start listing costs nothing: the invocation is left pending, and if a
 * rename arrives before another invocation starts (the entry was written after the invocation's last wait for
 * I/O, so its event was still queued), the root is listed then and the strays reported with that invocation's
 * `warn`. An end that has seen one lists the root at once. Without a watch, one `stat` of the root says whether
 * its names changed (see `isCurrent`), and a `readdir` follows only when they did.
 *
 * @example
 * const check = strayCheck({ root: '/tmp', prefix: 'sluice-scratch', policy: 'warn', isKept, concurrent: false,
 *   watched: watchRoot('/tmp'), onFound: () => {} })
 * const before = check.start(undefined)
 * // … the invocation …
 * check.end(before, warn)
 */
export function strayCheck(options: StrayCheckOptions): StrayCheck {
  const { root, prefix, policy, isKept, concurrent, watched, onFound } = options
  // The root's names when the last invocation ended, strays handled.
  let last: Baseline | undefined
  // An ended invocation whose end saw no rename: its strays may still be queued in the watch.
  let pendingBefore: Baseline | undefined
  let pendingWarn: TmpWarnFn | undefined

  const baseline = (listing: RootListing): Baseline => ({ listing, seen: watched?.count() })

  /** Whether the root's names are still `before`'s: for a start, where renames in flight belong to others. */
  function unchanged(before: Baseline): boolean {
    const count = watched?.count()
    if (count !== undefined && before.seen !== undefined) return count === before.seen
    return isCurrent(root, before.listing)
  }

  function compare(before: Baseline, warn: TmpWarnFn): string[] {
    const after = listRoot(root)
    const found = handleStrays({
      root,
      prefix,
      policy,
      isKept,
      before: before.listing.names,
      after: after.names,
      warn,
    })
    if (found.length > 0) onFound()
    if (found.length === 0 || policy !== 'delete') {
      last = baseline(after)
      return found
    }
    const names = new Set(after.names)
    for (const path of found) names.delete(basename(path))
    last = baseline(unstamped(names))
    return found
  }

  if (watched) {
    watched.onChange = function checkPendingStrays() {
      const before = pendingBefore
      const warn = pendingWarn
      pendingBefore = undefined
      pendingWarn = undefined
      if (!before || !warn) return
      try {
        compare(before, warn)
      } catch (cause) {
        // The root itself was removed (its children's events come first): nothing left to check.
        if (cause instanceof Error && 'code' in cause && cause.code === 'ENOENT') return
        // On the event loop, outside any hook: nothing may throw from here.
        warn(`Could not check ${root} for strays (${String(cause)})`, {
          code: 'TMP_CLEANUP_FAILED',
          paths: [root],
          cause,
        })
      }
    }
  }

  return {
    start: function startListing(fresh) {
      // What the pending check has not seen yet falls into this invocation's window (compared at its end).
      pendingBefore = undefined
      pendingWarn = undefined
      const listing = last
      if (!concurrent) {
        last = undefined
        if (fresh) return baseline(fresh)
        return listing ?? baseline(listRoot(root))
      }
      // In flight, invocations start while others run: each reuses the last listing while the watch (or the root's
      // stamp) says it is still the root's, and a listing one takes serves the starts that follow.
      if (!fresh && listing && unchanged(listing)) return listing
      last = baseline(fresh ?? listRoot(root))
      return last
    },
    end: function checkStrays(before, warn) {
      const count = watched?.count()
      if (count === undefined || before.seen === undefined) {
        if (!isCurrent(root, before.listing)) return compare(before, warn)
        last = before
        return []
      }
      if (count !== before.seen) return compare(before, warn)
      last = before
      pendingBefore = before
      pendingWarn = warn
      return []
    },
  }
}
