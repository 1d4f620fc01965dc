import { mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { sweepLeftovers } from './leftovers.ts'
import { listRoot, type RootListing, unstamped } from './root-listing.ts'
import type { TmpWarnFn } from './warn.ts'

/**
 * A warning message for names removed from the root: count, what, where, the first ten names.
 *
 * @example
 * sweptMessage('stale entries', '/tmp', ['a', 'b']) // 'Removed 2 stale entries from /tmp: a, b'
 */
export const sweptMessage = (what: string, root: string, names: readonly string[]): string =>
  `Removed ${names.length} ${what} from ${root}: ${names.slice(0, 10).join(', ')}${names.length > 10 ? ', …' : ''}`

/**
 * Lists `root` and removes the scratch directories nobody will remove (see `isLeftover`: no invocation in flight
 * owns them), warning `TMP_LEFTOVERS_SWEPT`. Returns the listing after the sweep.
 *
 * @example
 * const { names } = sweepRoot('/tmp', 'sluice-scratch', warn, Date.now())
 */
export function sweepRoot(root: string, prefix: string, warn: TmpWarnFn, now: number): RootListing {
  const listing = listRoot(root)
  const swept = sweepLeftovers(root, prefix, listing.names, now)
  if (swept.length === 0) return listing
  warn(sweptMessage('leftover scratch directories', root, swept), {
    code: 'TMP_LEFTOVERS_SWEPT',
    paths: swept.map((name) => join(root, name)),
  })
  const names = new Set(listing.names)
  for (const name of swept) names.delete(name)
  return unstamped(names)
}

/**
 * The root at a container's first invocation (INIT has run, so a TMPDIR the runtime set applies): resolved,
 * created (0700) if missing, and swept of what killed invocations left (a hard kill at the function timeout runs
 * no hook; a restarted runtime keeps /tmp). Returns the root and its listing after the sweep.
 *
 * @example
 * const { root, listing } = openRoot(undefined, 'sluice-scratch', warn, Date.now()) // '/tmp'
 */
export function openRoot(
  option: string | undefined,
  prefix: string,
  warn: TmpWarnFn,
  now: number,
): { root: string; listing: RootListing } {
  const root = resolve(option ?? tmpdir())
  mkdirSync(root, { recursive: true, mode: 0o700 })
  return { root, listing: sweepRoot(root, prefix, warn, now) }
}
