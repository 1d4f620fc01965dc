import { isAbsolute, relative, sep } from 'node:path'
import { tmpOptions } from './errors.ts'

/**
 * What the sweeps and the stray check must leave alone in the root: top-level names (`'assets'`), simple globs
 * (`'*.sqlite'`, `'chromium-?'`), absolute paths inside the root (`cache.dir`; their first segment is kept),
 * regular expressions, or a predicate on the top-level name.
 *
 * @example
 * const keep: Keep = ['assets', '*.db', /^chromium/, cache.dir]
 */
export type Keep = ReadonlyArray<string | RegExp> | ((name: string) => boolean)

const globToRegExp = (glob: string): RegExp =>
  new RegExp(
    `^${glob
      .split('')
      .map((char) => (char === '*' ? '.*' : char === '?' ? '.' : char.replace(/[\\^$.|+()[\]{}]/g, '\\$&')))
      .join('')}$`,
    's',
  )

/** The top-level name an absolute path occupies in `root`, or `undefined` when it is not inside. */
const topLevelName = (root: string, path: string): string | undefined => {
  const rel = relative(root, path)
  if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return undefined
  return rel.split(sep)[0]
}

/**
 * Compiles `keep` for the root `root` into a predicate on top-level names.
 *
 * @example
 * const kept = keepMatcher(['*.db'], '/tmp')
 * kept('orders.db') // true
 */
export function keepMatcher(keep: Keep, root: string): (name: string) => boolean {
  if (typeof keep === 'function') return keep
  tmpOptions.check(
    Array.isArray(keep),
    'keep',
    keep,
    'an array of names, globs, paths or RegExps, or a function',
  )
  const names = new Set<string>()
  const patterns: RegExp[] = []
  for (const item of keep) {
    if (item instanceof RegExp) patterns.push(item)
    else if (typeof item === 'string' && isAbsolute(item)) {
      const name = topLevelName(root, item)
      if (name !== undefined) names.add(name)
    } else if (typeof item === 'string' && item.length > 0) {
      if (/[*?]/.test(item)) patterns.push(globToRegExp(item))
      else names.add(item)
    } else tmpOptions.check(false, 'keep', item, 'items that are names, globs, absolute paths or RegExps')
  }
  // search() ignores lastIndex, so a /g or /y RegExp gives the same answer every time.
  return function isKept(name) {
    return names.has(name) || patterns.some((pattern) => name.search(pattern) !== -1)
  }
}
