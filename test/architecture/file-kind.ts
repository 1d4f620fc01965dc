import { posix } from 'node:path'

/**
 * What a file is for. `production` ships (`packages/<pkg>/src` minus tests, and `bin`); `test` is a test beside
 * the code; `test-support` is a package's shared test furniture (`packages/<pkg>/test-support/`); `repo-test`
 * is anything under the root `test/`; `tool` is a package's other scripts.
 */
export type Role =
  | 'production'
  | 'test'
  | 'test-support'
  | 'tool'
  | 'repo-test'
  | 'example'
  | 'bench'
  | 'other'

/** A repository path (posix, relative to the root), the package folder that owns it if any, and its role. */
export type FileKind = { path: string; pkg: string | undefined; role: Role }

/** Where an import leads: a file of the repository, a workspace package by name, or anything else. */
export type Target =
  | { kind: 'file'; path: string }
  | { kind: 'package'; name: string; subpath: string }
  | { kind: 'external' }

const TEST_FILE = /\.test(-d)?\.[cm]?[jt]sx?$/

/**
 * Classifies a repository path.
 *
 * @example
 * classify('packages/batch/src/batch.test.ts') // { path, pkg: 'batch', role: 'test' }
 */
export function classify(path: string): FileKind {
  const [top, pkg, folder] = path.split('/')
  if (top === 'packages' && pkg !== undefined && folder !== undefined) {
    if (folder === 'src') return { path, pkg, role: TEST_FILE.test(path) ? 'test' : 'production' }
    if (folder === 'bin') return { path, pkg, role: 'production' }
    if (folder === 'test-support') return { path, pkg, role: 'test-support' }
    return { path, pkg, role: 'tool' }
  }
  const area: Record<string, Role> = { test: 'repo-test', examples: 'example', bench: 'bench' }
  return { path, pkg: undefined, role: (top && area[top]) || 'other' }
}

/**
 * Whether a file exists only for tests: a test, test furniture, or anything under the root `test/`.
 *
 * @example
 * isTestOnly(classify('packages/tmp/test-support/recorder.ts')) // true
 */
export const isTestOnly = (kind: FileKind): boolean =>
  kind.role === 'test' ||
  kind.role === 'test-support' ||
  kind.role === 'repo-test' ||
  TEST_FILE.test(kind.path)

/**
 * Where `specifier`, imported from `from`, leads. `@sluice/<name>` is a workspace package.
 *
 * @example
 * resolveTarget('packages/a/src/x.ts', '../../b/src/y.ts') // { kind: 'file', path: 'packages/b/src/y.ts' }
 */
export function resolveTarget(from: string, specifier: string): Target {
  if (specifier.startsWith('./') || specifier.startsWith('../')) {
    return { kind: 'file', path: posix.normalize(posix.join(posix.dirname(from), specifier)) }
  }
  const scoped = /^@sluice\/([^/]+)(?:\/(.*))?$/.exec(specifier)
  if (scoped?.[1]) return { kind: 'package', name: `@sluice/${scoped[1]}`, subpath: scoped[2] ?? '' }
  return { kind: 'external' }
}
