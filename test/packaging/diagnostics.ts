import { isAbsolute, relative, resolve } from 'node:path'

/** One tsc diagnostic: the file (relative to the project), where, the code and the first line of the message. */
export type Diagnostic = { file: string; line: number; code: string; message: string }

/** Diagnostics split by whose file they are in. */
export type Diagnostics = {
  /** In sluice's published declarations or the user's own files: the packaging test allows none. */
  ours: Diagnostic[]
  /** Inside another library's own .d.ts: reported upstream, printed by the test, not worked around. */
  others: Diagnostic[]
}

const LINE = /^(.+?)\((\d+),\d+\): error (TS\d+): (.*)$/

/**
 * Parses `tsc --pretty false` output and splits it by file: `node_modules/@sluice/**` and files outside
 * `node_modules` are ours; anything else under `node_modules` is another library's. A diagnostic without a file
 * (a bad tsconfig) counts as ours.
 *
 * @example
 * splitDiagnostics("node_modules/@middy/core/index.d.ts(1,20): error TS2307: Cannot find module 'x'", app).others
 */
export function splitDiagnostics(output: string, projectDir: string): Diagnostics {
  const split: Diagnostics = { ours: [], others: [] }
  for (const text of output.split('\n')) {
    if (!/error TS\d+/.test(text)) continue
    const match = LINE.exec(text.trim())
    if (!match) {
      split.ours.push({ file: '', line: 0, code: /TS\d+/.exec(text)?.[0] ?? '', message: text.trim() })
      continue
    }
    const [, path = '', line = '0', code = '', message = ''] = match
    const file = relative(projectDir, isAbsolute(path) ? path : resolve(projectDir, path))
    const diagnostic = { file, line: Number(line), code, message }
    const inLibrary = file.split('/').includes('node_modules') && !file.includes('node_modules/@sluice/')
    split[inLibrary ? 'others' : 'ours'].push(diagnostic)
  }
  return split
}

const SPECIFIER = /(?:\bimport\(\s*|\bfrom\s+)["']([^"']+)["']/g

/** The package a bare specifier names (`@scope/name/sub` → `@scope/name`); undefined for relative and `node:`. */
const packageOf = (specifier: string): string | undefined => {
  if (specifier.startsWith('.') || specifier.startsWith('node:')) return undefined
  const parts = specifier.split('/')
  return (specifier.startsWith('@') ? parts.slice(0, 2) : parts.slice(0, 1)).join('/')
}

/** `@types/` name of a package: `aws-lambda` → `@types/aws-lambda`, `@scope/name` → `@types/scope__name`. */
const typesPackageOf = (name: string): string => `@types/${name.replace(/^@/, '').replace('/', '__')}`

/**
 * The packages an emitted declaration file refers to (`import("x")`, `from 'x'`) that the project does not
 * depend on. Such a reference resolves only where npm happened to hoist the package; where it is not hoisted
 * (pnpm, npm's linked installs) tsc refuses to write it (TS2742, "likely not portable").
 *
 * @example
 * undeclaredPackages('log: import("pino").Logger', ['@sluice/logger']) // ['pino']
 */
export function undeclaredPackages(declaration: string, dependencies: readonly string[]): string[] {
  const named = [...declaration.matchAll(SPECIFIER)].map((match) => packageOf(match[1] ?? ''))
  const missing = named.filter(
    (name): name is string =>
      name !== undefined && !dependencies.includes(name) && !dependencies.includes(typesPackageOf(name)),
  )
  return [...new Set(missing)]
}
