import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Manifest, SourceFile } from './import-rules.ts'

/** The repository root. */
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url))

const CODE = /\.(?:[cm]?[jt]s|tsx)$/
const SKIP = new Set(['node_modules', 'dist', '.vitest', 'docs'])

/**
 * Every code file the import rules look at: `packages/<pkg>/{src,bin,test-support,scripts}`, `test/`,
 * `examples/` and `bench/`, read from disk (so files not yet committed count too).
 *
 * @example
 * repoSourceFiles().find((file) => file.path === 'packages/core/src/index.ts')
 */
export function repoSourceFiles(root = repoRoot): SourceFile[] {
  const folders = ['test', 'examples', 'bench']
  for (const pkg of packageDirs(root))
    for (const folder of ['src', 'bin', 'test-support', 'scripts']) folders.push(`packages/${pkg}/${folder}`)
  return folders
    .filter((folder) => existsSync(join(root, folder)))
    .flatMap((folder) => walk(join(root, folder)))
    .map((file) => ({ path: relative(root, file).split(sep).join('/'), text: readFileSync(file, 'utf8') }))
}

/**
 * What the rules need of every `packages/<dir>/package.json`.
 *
 * @example
 * repoManifests().find((m) => m.dir === 'batch')?.dependencies // ['@sluice/core', '@sluice/events', …]
 */
export function repoManifests(root = repoRoot): Manifest[] {
  return packageDirs(root).map((dir) => {
    const json: unknown = JSON.parse(readFileSync(join(root, 'packages', dir, 'package.json'), 'utf8'))
    const field = (key: string): Record<string, unknown> => {
      const value = isRecord(json) ? json[key] : undefined
      return isRecord(value) ? value : {}
    }
    const name = isRecord(json) && typeof json.name === 'string' ? json.name : ''
    const runTime = ['dependencies', 'peerDependencies', 'optionalDependencies'].flatMap((k) =>
      Object.keys(field(k)),
    )
    return { dir, name, exports: Object.keys(field('exports')), dependencies: [...new Set(runTime)] }
  })
}

function packageDirs(root: string): string[] {
  return readdirSync(join(root, 'packages'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(root, 'packages', entry.name, 'package.json')))
    .map((entry) => entry.name)
    .sort()
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (SKIP.has(entry.name)) return []
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return walk(path)
    return CODE.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : []
  })
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
