import { lstatSync, realpathSync } from 'node:fs'
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path'
import { quote, TmpError } from './errors.ts'
import { isInside } from './remove.ts'

/** Longest name `file()` accepts, in characters (Linux PATH_MAX is 4096 bytes). */
export const MAX_NAME_LENGTH = 1024

const escapeError = (name: string, why: string): TmpError =>
  new TmpError(
    `The file name ${quote(name)} ${why}: pass a relative name such as "upload.bin" or "parts/1.bin"`,
    { code: 'TMP_PATH_ESCAPE', target: name, expose: true },
  )

/**
 * The real path of `path`, or of its nearest ancestor that resolves (missing, under a file, a link loop): where
 * the kernel would land if something were created there now.
 */
function realpathOfNearest(path: string): string {
  let current = path
  for (;;) {
    try {
      return realpathSync.native(current)
    } catch (error) {
      const parent = dirname(current)
      if (parent === current) throw error
      current = parent
    }
  }
}

/**
 * Whether `path` (lexically inside `dir`) really lands inside: a link the handler made earlier (an unpacked
 * archive, say) may point out. Walks the existing part of the path with `lstat` (no exceptions for missing
 * entries, so the common case — a new file — costs one syscall per segment) and resolves it only through a link.
 */
function landsInside(dir: string, realDir: string, path: string): boolean {
  let current = dir
  for (const segment of relative(dir, path).split(sep)) {
    current = `${current}${sep}${segment}`
    const stats = lstatSync(current, { throwIfNoEntry: false })
    if (stats === undefined || (!stats.isDirectory() && !stats.isSymbolicLink())) return true
    if (stats.isSymbolicLink()) {
      const real = realpathOfNearest(path)
      return real === realDir || isInside(realDir, real)
    }
  }
  return true
}

/**
 * Resolves `name` inside the scratch directory `dir` (whose real path is `realDir`), or throws a {@link TmpError}:
 * `TMP_INVALID_NAME` for a non-string, empty or over-long name, or one naming the directory itself;
 * `TMP_PATH_ESCAPE` for an absolute name, a NUL byte, `..` leading out, or a symbolic link already in the
 * scratch that points out. The returned path is normalised (no `.` or `..` left for the kernel to reinterpret).
 *
 * @example
 * scratchPath('/tmp/sluice-scratch-1-ab', '/tmp/sluice-scratch-1-ab', 'parts/1.bin') // '/tmp/sluice-scratch-1-ab/parts/1.bin'
 */
export function scratchPath(dir: string, realDir: string, name: unknown): string {
  if (typeof name !== 'string' || name.length === 0 || name.length > MAX_NAME_LENGTH) {
    const shown = typeof name === 'string' ? quote(name) : typeof name
    throw new TmpError(
      `file() needs a relative file name of 1 to ${MAX_NAME_LENGTH} characters, got ${shown}`,
      { code: 'TMP_INVALID_NAME', target: typeof name === 'string' ? name : undefined, expose: true },
    )
  }
  if (name.includes('\0')) throw escapeError(name, 'contains a NUL byte')
  if (isAbsolute(name)) throw escapeError(name, 'is absolute')
  const path = resolve(dir, name)
  if (path === dir) {
    throw new TmpError(
      `The file name ${quote(name)} names the scratch directory itself: name a file inside it`,
      {
        code: 'TMP_INVALID_NAME',
        target: name,
        expose: true,
      },
    )
  }
  if (!isInside(dir, path)) throw escapeError(name, 'leaves the scratch directory')
  if (!landsInside(dir, realDir, path))
    throw escapeError(name, 'goes through a symbolic link that points out')
  return path
}
