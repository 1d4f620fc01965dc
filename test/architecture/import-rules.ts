import { classify, type FileKind, isTestOnly, resolveTarget } from './file-kind.ts'
import { importsOf } from './imports.ts'
import { packageCycles } from './package-cycles.ts'

/** A source file of the repository: its path (posix, from the root) and its text. */
export type SourceFile = { path: string; text: string }

/** What the rules need of a `packages/<dir>/package.json`. */
export type Manifest = {
  /** The folder under `packages/`. */
  dir: string
  /** `@sluice/<dir>`. */
  name: string
  /** The subpaths its `exports` map opens: `.`, `./decode`… */
  exports: string[]
  /** Workspace packages it needs at run time: `dependencies`, `peerDependencies`, `optionalDependencies`. */
  dependencies: string[]
}

/** Which rule a reference breaks. */
export type Rule =
  | 'testing-in-production'
  | 'test-only-in-production'
  | 'other-package-internals'
  | 'src-imports-test'
  | 'cycle'

/** One broken rule, where, and why. */
export type Violation = { rule: Rule; file: string; line: number; specifier: string; why: string }

/**
 * Packages whose production code may import `@sluice/testing`: the local Lambda runtime and CLI is a dev tool
 * built on testing's Lambda shapes (timeout message, environment, event builders) and lists it in its
 * `dependencies`.
 */
export const TESTING_AT_RUN_TIME: ReadonlySet<string> = new Set(['runtime'])

/** The one folder of the root `test/` that package tests may import: the AWS sample corpora and their loader. */
export const SHARED_WITH_PACKAGES = 'test/fixtures/corpora/'

/**
 * Every reference in `files` that breaks a rule. (a) production code imports `@sluice/testing` (type-only
 * imports too: a declaration file would then need it) or a test-only file; (b) a file reaches into another
 * package's folder by path, or into a package by a subpath its `exports` map does not open; (c) a package file
 * imports the root `test/` (production never; tests and test-support only the shared corpora); (d) packages
 * depend on each other in a cycle, through production imports or run-time dependencies.
 *
 * @example
 * checkImports([{ path: 'packages/a/src/a.ts', text: "import '@sluice/testing'" }], manifests)
 * // [{ rule: 'testing-in-production', file: 'packages/a/src/a.ts', line: 1, … }]
 */
export function checkImports(files: SourceFile[], manifests: Manifest[]): Violation[] {
  const byName = new Map(manifests.map((manifest) => [manifest.name, manifest]))
  const edges = manifests.flatMap((m) => m.dependencies.flatMap((name) => edge(m.dir, byName.get(name)?.dir)))
  const violations: Violation[] = []
  for (const file of files) {
    const from = classify(file.path)
    for (const ref of importsOf(file.path, file.text)) {
      const report = (rule: Rule, why: string) =>
        violations.push({ rule, file: file.path, line: ref.line, specifier: ref.specifier, why })
      const target = resolveTarget(file.path, ref.specifier)
      if (target.kind === 'package') {
        const manifest = byName.get(target.name)
        if (!manifest) continue
        if (from.role === 'production') edges.push(...edge(from.pkg, manifest.dir))
        if (target.subpath && !manifest.exports.includes(`./${target.subpath}`))
          report('other-package-internals', `${target.name} does not export ./${target.subpath}`)
        if (
          manifest.dir === 'testing' &&
          from.role === 'production' &&
          !TESTING_AT_RUN_TIME.has(from.pkg ?? '')
        )
          report('testing-in-production', 'production code never imports @sluice/testing')
      } else if (target.kind === 'file') {
        const to = classify(target.path)
        if (from.role === 'production' && to.pkg !== undefined && to.pkg !== from.pkg)
          edges.push(...edge(from.pkg, to.pkg))
        for (const [rule, why] of fileRules(from, to)) report(rule, why)
      }
    }
  }
  return [...violations, ...packageCycles(edges).map(cycleViolation)]
}

function fileRules(from: FileKind, to: FileKind): Array<[Rule, string]> {
  const found: Array<[Rule, string]> = []
  if (from.pkg !== undefined) {
    if (to.pkg !== undefined && to.pkg !== from.pkg)
      found.push([
        'other-package-internals',
        `a package imports another only by its name, not packages/${to.pkg}/`,
      ])
    if (to.role === 'repo-test' && (from.role === 'production' || !to.path.startsWith(SHARED_WITH_PACKAGES)))
      found.push([
        'src-imports-test',
        `a package imports nothing from test/ but its tests the ${SHARED_WITH_PACKAGES}`,
      ])
    if (from.role === 'production' && to.role !== 'repo-test' && isTestOnly(to))
      found.push(['test-only-in-production', `${to.path} is test-only`])
  } else if (to.pkg !== undefined && !(from.role === 'repo-test' && to.role === 'test-support')) {
    found.push(['other-package-internals', `outside packages, use @sluice/${to.pkg}, not its files`])
  }
  return found
}

function edge(from: string | undefined, to: string | undefined): Array<[string, string]> {
  return from !== undefined && to !== undefined && from !== to ? [[from, to]] : []
}

function cycleViolation(cycle: string[]): Violation {
  const path = [...cycle, cycle[0]].join(' → ')
  return {
    rule: 'cycle',
    file: `packages/${cycle[0]}`,
    line: 0,
    specifier: '',
    why: `packages in a cycle: ${path}`,
  }
}
