import { join } from 'node:path'
import type { StrayPolicy } from './options.ts'
import { removeEntry } from './remove.ts'
import { parseScratchName } from './scratch-name.ts'
import type { TmpWarnFn } from './warn.ts'

/** What {@link handleStrays} needs. */
export interface StrayCheck {
  readonly root: string
  readonly prefix: string
  readonly policy: StrayPolicy
  readonly isKept: (name: string) => boolean
  /** The root's top-level names when the invocation started. */
  readonly before: ReadonlySet<string>
  /** The root's top-level names now. */
  readonly after: Iterable<string>
  readonly warn: TmpWarnFn
}

/**
 * The root's top-level entries that appeared during the invocation, minus kept ones and scratch directories
 * (this invocation's is gone by now; others belong to other invocations — in flight in this worker thread or
 * another one — or to the leftover sweep).
 *
 * @example
 * findStrays('sluice-scratch', new Set(['assets']), ['assets', 'report.pdf'], () => false) // ['report.pdf']
 */
export function findStrays(
  prefix: string,
  before: ReadonlySet<string>,
  after: Iterable<string>,
  isKept: (name: string) => boolean,
): string[] {
  const strays: string[] = []
  for (const name of after) {
    if (!before.has(name) && !isKept(name) && parseScratchName(name, prefix) === undefined) strays.push(name)
  }
  return strays
}

/**
 * Applies the stray policy after an invocation: `warn` reports the strays, `delete` removes them (never following
 * links) and reports what it removed, `ignore` does nothing. Returns the strays' paths.
 *
 * @example
 * handleStrays({ root, prefix, policy: 'delete', isKept, before, after: readdirSync(root), warn })
 */
export function handleStrays(check: StrayCheck): string[] {
  const { root, prefix, policy, isKept, before, after, warn } = check
  if (policy === 'ignore') return []
  const strays = findStrays(prefix, before, after, isKept)
  if (strays.length === 0) return []
  const paths = strays.map((name) => join(root, name))
  const listed =
    strays.length > 10 ? `${strays.slice(0, 10).join(', ')}, … ${strays.length - 10} more` : strays.join(', ')
  if (policy === 'warn') {
    warn(
      `The invocation left ${strays.length} entr${strays.length === 1 ? 'y' : 'ies'} in ${root} outside its scratch ` +
        `directory (${listed}): write them with context.tmp.file(name), or add them to \`keep\``,
      { code: 'TMP_STRAYS', paths },
    )
    return paths
  }
  for (const name of strays) removeEntry(root, name)
  warn(
    `Removed ${strays.length} stray entr${strays.length === 1 ? 'y' : 'ies'} the invocation left in ${root} (${listed})`,
    {
      code: 'TMP_STRAYS_DELETED',
      paths,
    },
  )
  return paths
}
