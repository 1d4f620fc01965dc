import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

/** JSON files that are configuration rather than data: manifests, compiler settings, lock files. */
const CONFIG = /(^|\/)(package|tsconfig[^/]*|[^/]*lock)\.json$/

/**
 * The JSON data files of the repository: every `*.json` git tracks or would track (ignored files and
 * `node_modules` left out), minus `package.json`, `tsconfig*.json` and lock files; deleted files skipped.
 *
 * @example
 * repoJsonFiles(root).includes('test/fixtures/corpora/aws-lambda-go/sqs-event.json') // true
 */
export function repoJsonFiles(root: string): string[] {
  const listed = execFileSync(
    'git',
    ['ls-files', '--cached', '--others', '--exclude-standard', '-z', '--', '*.json'],
    {
      cwd: root,
      encoding: 'utf8',
    },
  )
  return [...new Set(listed.split('\0'))]
    .filter((path) => path !== '' && !path.includes('node_modules/') && !CONFIG.test(path))
    .filter((path) => existsSync(join(root, path)))
    .sort()
}

/**
 * Groups of paths whose contents are byte-identical (two or more each), by content hash.
 *
 * @example
 * duplicateGroups([{ path: 'a', bytes: Buffer.from('{}') }, { path: 'b', bytes: Buffer.from('{}') }]) // [['a', 'b']]
 */
export function duplicateGroups(files: ReadonlyArray<{ path: string; bytes: Uint8Array }>): string[][] {
  const byHash = new Map<string, string[]>()
  for (const { path, bytes } of files) {
    const hash = createHash('sha256').update(bytes).digest('hex')
    byHash.set(hash, [...(byHash.get(hash) ?? []), path])
  }
  return [...byHash.values()].filter((paths) => paths.length > 1).map((paths) => paths.sort())
}

/**
 * Reads `paths` under `root` for `duplicateGroups`.
 *
 * @example
 * duplicateGroups(readAll(root, repoJsonFiles(root)))
 */
export const readAll = (root: string, paths: string[]): Array<{ path: string; bytes: Uint8Array }> =>
  paths.map((path) => ({ path, bytes: readFileSync(join(root, path)) }))
