import { type Zippable, zipSync } from 'fflate'
import { SluiceRuntimeError } from '../errors.ts'
import type { PackageFile } from './bundle.ts'

// Unix (`os` 3), a regular file readable by everyone (0644): Lambda runs the code as a user that does not own
// the files, so a file without the other-read bit fails with EACCES at import.
const FILE_ATTRIBUTES = { os: 3, attrs: 0o100644 * 2 ** 16 } as const
// A fixed timestamp (the earliest a zip can hold): the same files give the same zip, byte for byte, so a
// deploy tool that compares hashes (CloudFormation, CDK) sees no change when nothing changed.
const FIXED_MTIME = new Date(1980, 0, 1, 0, 0, 0)

/**
 * Zips the package's files, each at its path from the zip root (`index.mjs` at the root, where Lambda looks
 * for the handler module), deflated at level 9, readable by everyone, with a fixed timestamp so the zip is
 * reproducible. Refuses absolute paths, `..` segments and duplicates (`RUNTIME_INVALID_OPTION`).
 *
 * @example
 * const zip = zipPackage([{ path: 'index.mjs', contents: new TextEncoder().encode('export const handler = …') }])
 */
export function zipPackage(files: readonly PackageFile[]): Uint8Array {
  const entries: Zippable = Object.create(null)
  const seen = new Set<string>()
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
  for (const file of sorted) {
    const segments = file.path.split(/[\\/]/)
    if (file.path.startsWith('/') || segments.some((segment) => segment === '' || segment === '..')) {
      throw new SluiceRuntimeError(
        'RUNTIME_INVALID_OPTION',
        `${file.path} cannot go in a zip: paths are relative to the zip root, without '..'`,
      )
    }
    const path = segments.join('/')
    if (seen.has(path))
      throw new SluiceRuntimeError('RUNTIME_INVALID_OPTION', `${path} is in the package twice`)
    seen.add(path)
    entries[path] = [file.contents, { ...FILE_ATTRIBUTES, mtime: FIXED_MTIME, level: 9 }]
  }
  return zipSync(entries)
}
