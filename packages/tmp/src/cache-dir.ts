import { lstat, mkdir, readdir, rmdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, normalize, relative, resolve, sep } from 'node:path'
import { createMarker, readMarkerId } from './cache-journal.ts'
import { TmpError, tmpOptions } from './errors.ts'
import { isInside } from './remove.ts'

/** Longest `dir` option, in characters (Linux PATH_MAX is 4096 bytes). */
const MAX_DIR_LENGTH = 1024

/**
 * Where a cache lives: its directory, and the random id its marker carries.
 *
 * @example
 * const { path, id }: CacheDir = await openCacheDir('fonts')
 */
export interface CacheDir {
  readonly path: string
  readonly id: string
}

const expected =
  'a directory path strictly inside the tmp root (relative to it, or absolute inside it), without NUL'

/**
 * Checks the shape of `tmpCache`'s `dir` at construction, before anything touches the disk: a non-empty string
 * without NUL that, resolved against the tmp root (`os.tmpdir()`), names a directory strictly inside it — not the
 * root itself (`'.'`, `'a/..'`), nothing that leaves it (`'..'`, `'../x'`, an absolute path outside).
 *
 * @example
 * checkCacheDir('fonts') // ok
 * checkCacheDir('.') // TmpError TMP_INVALID_OPTION, path ['dir']
 */
export function checkCacheDir(dir: unknown, root: string = tmpdir()): asserts dir is string {
  const shaped =
    typeof dir === 'string' && dir.length > 0 && dir.length <= MAX_DIR_LENGTH && !dir.includes('\0')
  tmpOptions.check(shaped && isInside(resolve(root), resolve(root, normalize(dir))), 'dir', dir, expected)
}

/**
 * The cache directory for `dir` under the current tmp root, checked lexically (see {@link checkCacheDir}).
 *
 * @example
 * cacheDirPath('fonts') // '/tmp/fonts'
 */
export function cacheDirPath(dir: string): string {
  const root = resolve(tmpdir())
  checkCacheDir(dir, root)
  return resolve(root, dir)
}

const unsafe = (path: string, why: string, cause?: unknown): TmpError =>
  new TmpError(`The cache directory ${path} ${why}: choose another \`dir\` (or remove that one)`, {
    code: 'TMP_CACHE_DIR_UNSAFE',
    target: path,
    cause,
  })

/** A directory of ours to write into: a real directory (not a link), owned by us, writable by no one else. */
async function checkOwnDirectory(path: string): Promise<'missing' | 'ok'> {
  const stats = await lstat(path).catch((error: { code?: unknown }) => {
    if (error.code === 'ENOENT') return undefined
    throw error
  })
  if (stats === undefined) return 'missing'
  if (stats.isSymbolicLink()) throw unsafe(path, 'is reached through a symbolic link')
  if (!stats.isDirectory()) throw unsafe(path, 'is not a directory')
  if (typeof process.getuid === 'function' && stats.uid !== process.getuid()) {
    throw unsafe(path, 'belongs to another user')
  }
  if ((stats.mode & 0o022) !== 0) throw unsafe(path, 'is writable by other users')
  return 'ok'
}

/** Creates the directories between the root and `path` (0700); an existing one must be a real directory. */
async function ensureParents(root: string, path: string): Promise<void> {
  const segments = relative(root, path).split(sep).slice(0, -1)
  let current = root
  for (const segment of segments) {
    current = join(current, segment)
    const stats = await lstat(current).catch(() => undefined)
    if (stats === undefined) await mkdir(current, { mode: 0o700 }).catch(ignoreExists)
    else if (stats.isSymbolicLink() || !stats.isDirectory())
      throw unsafe(path, `is reached through ${current}, which is not a directory`)
  }
}

const ignoreExists = (error: { code?: unknown }): void => {
  if (error.code !== 'EEXIST') throw error
}

/**
 * The marker's id; while the directory is empty, retried briefly: another cache may have made it a moment ago
 * and not written its marker yet. A directory with content and no marker is someone else's at once.
 */
async function markerIdWithin(path: string, attempts: number): Promise<string | undefined> {
  for (let attempt = 0; ; attempt += 1) {
    const id = await readMarkerId(path)
    if (id !== undefined || attempt >= attempts || (await readdir(path)).length > 0) return id
    await new Promise((done) => setTimeout(done, 10))
  }
}

/**
 * Opens the cache directory `dir` (see {@link cacheDirPath}): creates it (0700) with a marker holding a random id
 * when it does not exist, adopts it when it carries a tmpCache marker (a cold start finding the previous
 * container's cache), and refuses anything else with `TMP_CACHE_DIR_UNSAFE`: a directory without the marker (a
 * cache never adopts what it did not make), a link, a file, or a directory another user could write to.
 *
 * @example
 * const { path, id } = await openCacheDir('fonts')
 */
export async function openCacheDir(dir: string): Promise<CacheDir> {
  const path = cacheDirPath(dir)
  const root = resolve(tmpdir())
  await mkdir(root, { recursive: true, mode: 0o700 })
  await ensureParents(root, path)
  if ((await checkOwnDirectory(path)) === 'missing') {
    try {
      await mkdir(path, { mode: 0o700 })
    } catch (error) {
      ignoreExists(error as { code?: unknown })
      return adopt(path)
    }
    try {
      return { path, id: await createMarker(path) }
    } catch (error) {
      await rmdir(path).catch(() => {})
      throw error
    }
  }
  return adopt(path)
}

async function adopt(path: string): Promise<CacheDir> {
  await checkOwnDirectory(path)
  const id = await markerIdWithin(path, 5)
  if (id === undefined) throw unsafe(path, 'exists and was not created by a tmpCache (it has no marker)')
  return { path, id }
}
