import { randomBytes } from 'node:crypto'
import { mkdirSync, realpathSync } from 'node:fs'
import { lstat, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { TmpError } from './errors.ts'
import { type Removed, removeEntry } from './remove.ts'
import { scratchPath } from './scratch-path.ts'

/**
 * One invocation's private scratch directory, on `context.tmp`.
 *
 * @example
 * const input = context.tmp.file('input.csv')
 * await writeFile(input, body)
 * console.log(await context.tmp.bytesUsed())
 */
export interface Scratch {
  /** The directory (mode 0700), created on first access; removed when the invocation ends. */
  readonly dir: string
  /** A path inside the scratch for a relative `name` (`'out.pdf'`, `'parts/1.bin'`); a `TmpError` if it would leave it. */
  file(name: string): string
  /** Apparent size of everything in the scratch, in bytes (0 before it is created); links are not followed. */
  bytesUsed(): Promise<number>
}

/** The middleware's side of a {@link Scratch}: where it is, and how to close it. */
export interface ScratchHandle {
  readonly scratch: Scratch
  /** The directory's path once created, else `undefined`. */
  readonly path: string | undefined
  /** Forbids further use and removes the directory (never following links); what was removed. */
  close(): Removed | 'none'
}

/** Scratch directories this process created and has not removed yet: never strays, never leftovers. */
export const liveScratches = new Set<string>()

/** `<prefix>-<pid>-<16 hex>`: the pid says whose it was once that process is gone. */
export const scratchName = (prefix: string): string =>
  `${prefix}-${process.pid}-${randomBytes(8).toString('hex')}`

async function apparentSize(path: string): Promise<number> {
  let total = 0
  for (const entry of await readdir(path, { withFileTypes: true })) {
    const child = join(path, entry.name)
    total += entry.isDirectory() ? await apparentSize(child) : (await lstat(child)).size
  }
  return total
}

/**
 * A scratch under `root` that exists only once used. Its name is random (crypto) and it is created with mkdir's
 * exclusive semantics, so an existing entry of that name — a planted symbolic link included — is refused.
 *
 * @example
 * const handle = openScratch('/tmp', 'sluice-scratch')
 * handle.scratch.file('a.txt') // creates /tmp/sluice-scratch-<pid>-<hex>, returns …/a.txt
 * handle.close()
 */
export function openScratch(root: string, prefix: string, onCreate?: (path: string) => void): ScratchHandle {
  let name = ''
  let path: string | undefined
  let realDir = ''
  let closed = false

  function create(): string {
    // Named on first use: an invocation that never writes pays for no random bytes.
    name = scratchName(prefix)
    const candidate = join(root, name)
    try {
      mkdirSync(candidate, { mode: 0o700 })
    } catch (error) {
      if ((error as { code?: unknown }).code !== 'EEXIST') throw error
      throw new TmpError(`Something already exists at the scratch path ${candidate}; refusing to use it`, {
        code: 'TMP_SCRATCH_UNSAFE',
        target: candidate,
        cause: error,
      })
    }
    realDir = realpathSync.native(candidate)
    path = candidate
    liveScratches.add(candidate)
    onCreate?.(candidate)
    return candidate
  }

  function open(): string {
    if (closed) {
      throw new TmpError(
        'The scratch directory was used after its invocation ended: finish file work before returning',
        {
          code: 'TMP_SCRATCH_CLOSED',
        },
      )
    }
    return path ?? create()
  }

  const scratch: Scratch = {
    get dir() {
      return open()
    },
    file: function scratchFile(fileName) {
      return scratchPath(open(), realDir, fileName)
    },
    bytesUsed: async function scratchBytesUsed() {
      if (closed) open()
      return path === undefined ? 0 : apparentSize(path)
    },
  }

  return {
    scratch,
    get path() {
      return path
    },
    close: function closeScratch() {
      closed = true
      if (path === undefined) return 'none'
      const removed = removeEntry(root, name)
      liveScratches.delete(path)
      return removed
    },
  }
}
