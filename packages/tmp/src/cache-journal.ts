import { randomBytes } from 'node:crypto'
import { constants } from 'node:fs'
import { open, rename, unlink } from 'node:fs/promises'
import { join } from 'node:path'
import { isKeyName } from './cache-key.ts'

/**
 * The marker and journal of a cache directory. Its first line says a tmpCache made the directory (with a random
 * id); the lines after it record what the cache wrote (`+ <inode> <size> <key as JSON>`) and removed
 * (`- <key as JSON>`). A leading dot: no key can take the name.
 *
 * @example
 * readFileSync(join(cache.dir, MARKER), 'utf8') // 'sluice-tmp-cache 1 <32 hex>\n+ 1234 6 "font.woff2"\n'
 */
export const MARKER = '.sluice-cache'
const HEADER = /^sluice-tmp-cache 1 ([0-9a-f]{32})$/
// Links are never opened: a marker replaced by a link is no marker.
const READ = constants.O_RDONLY | constants.O_NOFOLLOW
const APPEND = constants.O_WRONLY | constants.O_APPEND | constants.O_NOFOLLOW

/**
 * One file the cache wrote: its inode (as a decimal string: inodes may exceed 2^53) and size.
 *
 * @example
 * const entry: Written = { ino: '1234', size: 6 }
 */
export interface Written {
  readonly ino: string
  readonly size: number
}

/**
 * What a journal says: the directory's id, the files written and not removed since, and its line count.
 *
 * @example
 * const journal: Journal | undefined = await readJournal('/tmp/fonts')
 */
export interface Journal {
  readonly id: string
  readonly written: Map<string, Written>
  readonly lines: number
}

const isAbsent = (error: unknown): boolean => {
  const code = (error as { code?: unknown })?.code
  return code === 'ENOENT' || code === 'ELOOP' || code === 'ENOTDIR'
}

async function readText(path: string, limit?: number): Promise<string | undefined> {
  try {
    const file = await open(path, READ)
    try {
      if (limit === undefined) return await file.readFile('utf8')
      const buffer = Buffer.alloc(limit)
      const { bytesRead } = await file.read(buffer, 0, limit, 0)
      return buffer.subarray(0, bytesRead).toString('utf8')
    } finally {
      await file.close()
    }
  } catch (error) {
    if (isAbsent(error)) return undefined
    throw error
  }
}

/**
 * Writes the marker of a directory the cache just created (exclusive, 0600) and returns its new random id.
 *
 * @example
 * const id = await createMarker('/tmp/fonts')
 */
export async function createMarker(dir: string): Promise<string> {
  const id = randomBytes(16).toString('hex')
  const file = await open(join(dir, MARKER), 'wx', 0o600)
  try {
    await file.writeFile(`sluice-tmp-cache 1 ${id}\n`)
  } finally {
    await file.close()
  }
  return id
}

/**
 * The id in the marker of `dir`, or `undefined` when there is no marker (or it is a link, or malformed).
 *
 * @example
 * await readMarkerId('/tmp/fonts') // '3f…' (32 hex)
 */
export async function readMarkerId(dir: string): Promise<string | undefined> {
  const head = await readText(join(dir, MARKER), 64)
  return head === undefined ? undefined : HEADER.exec(head.split('\n', 1)[0] ?? '')?.[1]
}

function parseKey(json: string): string | undefined {
  try {
    const key: unknown = JSON.parse(json)
    return typeof key === 'string' && isKeyName(key) ? key : undefined
  } catch {
    return undefined
  }
}

/**
 * Replays the journal of `dir`; `undefined` without a valid marker. Malformed lines are skipped: a torn line of a
 * killed append can only lose an entry (a file then never evicted), never invent one.
 *
 * @example
 * const journal = await readJournal('/tmp/fonts')
 * journal?.written.get('inter.woff2') // { ino: '1234', size: 310000 }
 */
export async function readJournal(dir: string): Promise<Journal | undefined> {
  const text = await readText(join(dir, MARKER))
  if (text === undefined) return undefined
  const [header = '', ...records] = text.split('\n')
  const id = HEADER.exec(header)?.[1]
  if (id === undefined) return undefined
  const written = new Map<string, Written>()
  for (const record of records) {
    const added = /^\+ (\d{1,20}) (\d{1,16}) (".*")$/.exec(record)
    const removed = /^- (".*")$/.exec(record)
    const key = parseKey(added?.[3] ?? removed?.[1] ?? '')
    if (key === undefined) continue
    if (added) written.set(key, { ino: added[1] ?? '', size: Number(added[2]) })
    else written.delete(key)
  }
  return { id, written, lines: records.length }
}

/**
 * Appends what the cache did to the journal (one `write` with O_APPEND, so caches sharing the directory interleave
 * whole lines). A missing marker (the directory was removed) is not an error: the next `put` reopens it.
 *
 * @example
 * await record('/tmp/fonts', 'inter.woff2', { ino: '1234', size: 310000 })
 * await record('/tmp/fonts', 'inter.woff2') // removed
 */
export async function record(dir: string, key: string, written?: Written): Promise<void> {
  const line = written
    ? `+ ${written.ino} ${written.size} ${JSON.stringify(key)}\n`
    : `- ${JSON.stringify(key)}\n`
  try {
    const file = await open(join(dir, MARKER), APPEND)
    try {
      await file.write(line)
    } finally {
      await file.close()
    }
  } catch (error) {
    if (!isAbsent(error)) throw error
  }
}

/** Prefix of the journal's rewrite before it is renamed into place. */
const COMPACT_PREFIX = `${MARKER}.new-`

/**
 * Rewrites the journal to the entries in `written` (temp file + rename), so it does not grow without bound.
 * Appends by another cache on the same directory between its read and the rename are lost: their files are then
 * never evicted (space), never wrongly removed.
 *
 * @example
 * await compact('/tmp/fonts', id, journal.written)
 */
export async function compact(dir: string, id: string, written: ReadonlyMap<string, Written>): Promise<void> {
  const temp = join(dir, `${COMPACT_PREFIX}${randomBytes(8).toString('hex')}`)
  const lines = [`sluice-tmp-cache 1 ${id}`]
  for (const [key, entry] of written) lines.push(`+ ${entry.ino} ${entry.size} ${JSON.stringify(key)}`)
  const file = await open(temp, 'wx', 0o600)
  try {
    await file.writeFile(`${lines.join('\n')}\n`)
  } finally {
    await file.close()
  }
  await rename(temp, join(dir, MARKER)).catch(async (error: unknown) => {
    await unlink(temp).catch(() => {})
    throw error
  })
}
