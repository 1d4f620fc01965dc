import { basename } from 'node:path'
import type { StrayPolicy } from './options.ts'
import { isCurrent, listRoot, type RootListing, unstamped } from './root-listing.ts'
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
}

/** The stray check of one `tmp()` on one root: a listing at each invocation's start, compared at its end. */
export interface StrayCheck {
  /** The listing an invocation starts from: `fresh` if the caller just took one, else the last one if still good. */
  start(fresh: RootListing | undefined): RootListing
  /** Compares the root with `before` and applies the policy; returns the strays' paths. */
  end(before: RootListing, warn: TmpWarnFn): string[]
}

/**
 * The stray check, listing the root as rarely as it can: the listing taken when an invocation ends is the next
 * one's start (Lambda freezes the process in between), and at the end one `stat` of the root says whether its
 * names changed at all (see `isCurrent`) — a `readdir` only when they did.
 *
 * @example
 * const check = strayCheck({ root: '/tmp', prefix: 'sluice-scratch', policy: 'warn', isKept, concurrent: false })
 * const before = check.start(undefined)
 * // … the invocation …
 * check.end(before, warn)
 */
export function strayCheck(options: StrayCheckOptions): StrayCheck {
  const { root, prefix, policy, isKept, concurrent } = options
  // The root's names when the last invocation ended, strays handled.
  let last: RootListing | undefined
  return {
    start: function startListing(fresh) {
      const listing = last
      last = undefined
      if (fresh) return fresh
      if (listing && (!concurrent || isCurrent(root, listing))) return listing
      return listRoot(root)
    },
    end: function checkStrays(before, warn) {
      if (isCurrent(root, before)) {
        last = before
        return []
      }
      const after = listRoot(root)
      const found = handleStrays({
        root,
        prefix,
        policy,
        isKept,
        before: before.names,
        after: after.names,
        warn,
      })
      if (found.length === 0 || policy !== 'delete') {
        last = after
        return found
      }
      const names = new Set(after.names)
      for (const path of found) names.delete(basename(path))
      last = unstamped(names)
      return found
    },
  }
}
