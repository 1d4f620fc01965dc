import { randomBytes } from 'node:crypto'
import { open, unlink } from 'node:fs/promises'
import { join } from 'node:path'
import { TEMP_PREFIX } from './cache-index.ts'
import type { Written } from './cache-journal.ts'
import { isMissing } from './remove.ts'

/** What `put()` stores: bytes, a string (UTF-8), or a stream of either (a Node `Readable`, a web `ReadableStream`). */
export type CacheData = string | Uint8Array | AsyncIterable<Uint8Array | string>

async function* chunksOf(data: CacheData): AsyncIterable<Uint8Array> {
  if (typeof data === 'string') yield Buffer.from(data)
  else if (data instanceof Uint8Array) yield data
  else for await (const chunk of data) yield typeof chunk === 'string' ? Buffer.from(chunk) : chunk
}

/**
 * Writes `data` to a new temporary file in `dir` (exclusive, 0600), failing with `tooLarge()` past `maxBytes`
 * (the file is then removed). Returns the temporary path and what was written: size and inode, which a rename
 * keeps, so the journal can later tell this file from anything else put under its key.
 *
 * @example
 * const { temp, written } = await writeTemp('/tmp/fonts', 'glyphs', 1024, () => new Error('too large'))
 */
export async function writeTemp(
  dir: string,
  data: CacheData,
  maxBytes: number,
  tooLarge: () => Error,
): Promise<{ temp: string; written: Written }> {
  if (data instanceof Uint8Array && data.byteLength > maxBytes) throw tooLarge()
  const temp = join(dir, `${TEMP_PREFIX}${randomBytes(8).toString('hex')}`)
  const file = await open(temp, 'wx', 0o600)
  let size = 0
  try {
    for await (const chunk of chunksOf(data)) {
      size += chunk.byteLength
      if (size > maxBytes) throw tooLarge()
      await file.writeFile(chunk)
    }
    const { ino } = await file.stat({ bigint: true })
    await file.close()
    return { temp, written: { ino: String(ino), size } }
  } catch (error) {
    await file.close().catch(() => {})
    await unlink(temp).catch((failure: unknown) => {
      if (!isMissing(failure)) throw failure
    })
    throw error
  }
}
