import { mkdirSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { sweepLeftovers } from './leftovers.ts'
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
 * Lists `root` and removes the scratch directories nobody will remove (see `isLeftover`: their process is gone,
 * or they carry this process's pid without being live), warning `TMP_LEFTOVERS_SWEPT`. Returns the names left.
 *
 * @example
 * const names = sweepRoot('/tmp', 'sluice-scratch', warn)
 */
export function sweepRoot(root: string, prefix: string, warn: TmpWarnFn): Set<string> {
  const names = new Set(readdirSync(root))
  const swept = sweepLeftovers(root, prefix, names)
  if (swept.length > 0) {
    warn(sweptMessage('leftover scratch directories', root, swept), {
      code: 'TMP_LEFTOVERS_SWEPT',
      paths: swept.map((name) => join(root, name)),
    })
  }
  for (const name of swept) names.delete(name)
  return names
}

/**
 * The root at a container's first invocation (INIT has run, so a TMPDIR the runtime set applies): resolved,
 * created (0700) if missing, and swept of what killed invocations left (a hard kill at the function timeout runs
 * no hook; a restarted runtime keeps /tmp). Returns the root and its names after the sweep.
 *
 * @example
 * const { root, names } = openRoot(undefined, 'sluice-scratch', warn) // '/tmp'
 */
export function openRoot(
  option: string | undefined,
  prefix: string,
  warn: TmpWarnFn,
): { root: string; names: Set<string> } {
  const root = resolve(option ?? tmpdir())
  mkdirSync(root, { recursive: true, mode: 0o700 })
  return { root, names: sweepRoot(root, prefix, warn) }
}
