import { mkdirSync, realpathSync } from 'node:fs'
import { lstat, mkdir, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { TmpError } from './errors.ts'
import { type Removed, removeEntry } from './remove.ts'
import { removeEntryOffThread } from './remove-off-thread.ts'
import { scratchName } from './scratch-name.ts'
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
  /** Whether the invocation asked for the directory (`dir`, `file()`). */
  readonly used: boolean
  /**
   * Creates the directory now, on the thread pool, so the first use finds it: for Managed Instances, where a
   * synchronous `mkdir` would hold every invocation in flight on the thread. `TMP_SCRATCH_UNSAFE` as on first use.
   */
  prepare(): Promise<void>
  /** Forbids further use and removes the directory (never following links); what was removed. */
  close(): Removed | 'none'
  /** {@link close}, with the removal on the thread pool: use is forbidden at once, the thread is free meanwhile. */
  closeOffThread(): Promise<Removed | 'none'>
}

/**
 * Scratch directories this worker thread created and has not removed yet. Module state is per thread: other
 * threads and processes learn who owns a scratch from its name (see `ScratchOwner`).
 */
export const liveScratches = new Set<string>()

/** What the middleware tells a scratch about its invocation. */
export interface ScratchOptions {
  /** The invocation's deadline (epoch ms; `Infinity` for none), read when the scratch is first used. */
  readonly deadline?: () => number
  /** Called once the directory exists. */
  readonly onCreate?: (path: string) => void
  /**
   * The root's real path (links resolved), if the caller knows it: the scratch's real path is then this joined with
   * its name (mkdir just made a directory there, not a link), and creating one costs no `realpath`.
   */
  readonly realRoot?: string
}

async function apparentSize(path: string): Promise<number> {
  let total = 0
  for (const entry of await readdir(path, { withFileTypes: true })) {
    const child = join(path, entry.name)
    total += entry.isDirectory() ? await apparentSize(child) : (await lstat(child)).size
  }
  return total
}

/** mkdir's exclusive create found something at the random path: only a planted entry can be there. */
const unsafeIfExists =
  (candidate: string) =>
  (error: unknown): never => {
    if ((error as { code?: unknown }).code !== 'EEXIST') throw error
    throw new TmpError(`Something already exists at the scratch path ${candidate}; refusing to use it`, {
      code: 'TMP_SCRATCH_UNSAFE',
      target: candidate,
      cause: error,
    })
  }

/** The directory itself: named and created on first use (or by `prepare()`), removed by `close()`. */
class ScratchDirectory implements ScratchHandle {
  readonly scratch: Scratch
  readonly #root: string
  readonly #prefix: string
  readonly #options: ScratchOptions
  #name = ''
  #path: string | undefined
  #realDir = ''
  #closed = false
  #used = false

  constructor(root: string, prefix: string, options: ScratchOptions) {
    this.#root = root
    this.#prefix = prefix
    this.#options = options
    this.scratch = new LazyScratch(this)
  }

  get path(): string | undefined {
    return this.#path
  }

  get used(): boolean {
    return this.#used
  }

  /** Its real path (links resolved), once created: where `file()` checks that names land. */
  get realDir(): string {
    return this.#realDir
  }

  /** The path, created now if it is the first use; `TMP_SCRATCH_CLOSED` after `close()`. */
  open(): string {
    if (this.#closed) {
      throw new TmpError(
        'The scratch directory was used after its invocation ended: finish file work before returning',
        { code: 'TMP_SCRATCH_CLOSED' },
      )
    }
    this.#used = true
    return this.#path ?? this.#create()
  }

  /** The path if the directory was created, else `undefined`; `TMP_SCRATCH_CLOSED` after `close()`. */
  created(): string | undefined {
    return this.#closed ? this.open() : this.#path
  }

  close(): Removed | 'none' {
    this.#closed = true
    if (this.#path === undefined) return 'none'
    const removed = removeEntry(this.#root, this.#name)
    liveScratches.delete(this.#path)
    return removed
  }

  async closeOffThread(): Promise<Removed | 'none'> {
    this.#closed = true
    const path = this.#path
    if (path === undefined) return 'none'
    // Held (in liveScratches) until it is gone: no sweep of this thread takes it for a leftover meanwhile.
    const removed = await removeEntryOffThread(this.#root, this.#name)
    liveScratches.delete(path)
    return removed
  }

  async prepare(): Promise<void> {
    if (this.#path !== undefined || this.#closed) return
    const candidate = this.#named()
    // Held from before the kernel makes it: a sweep of this thread listing the root meanwhile must not take it.
    liveScratches.add(candidate)
    try {
      await mkdir(candidate, { mode: 0o700 }).catch(unsafeIfExists(candidate))
    } catch (error) {
      liveScratches.delete(candidate)
      throw error
    }
    this.#made(candidate)
  }

  /** Named on first use: an invocation that never writes pays for no random bytes and no deadline reading. */
  #named(): string {
    this.#name = scratchName(this.#prefix, this.#options.deadline?.() ?? Number.POSITIVE_INFINITY)
    return join(this.#root, this.#name)
  }

  #create(): string {
    const candidate = this.#named()
    try {
      mkdirSync(candidate, { mode: 0o700 })
    } catch (error) {
      unsafeIfExists(candidate)(error)
    }
    return this.#made(candidate)
  }

  #made(candidate: string): string {
    const { realRoot } = this.#options
    this.#realDir = realRoot === undefined ? realpathSync.native(candidate) : join(realRoot, this.#name)
    this.#path = candidate
    liveScratches.add(candidate)
    this.#options.onCreate?.(candidate)
    return candidate
  }
}

/**
 * What the handler sees. `dir`, `file` and `bytesUsed` are getters on the prototype: an accessor in an object
 * literal, or a closure, made per invocation made V8 tenure tmp's per-invocation objects, and the collections that
 * follow cost more than the rest of `tmp()`. `file` and `bytesUsed` give the same function on every read, made on
 * the first, so `const { file } = context.tmp` works.
 */
class LazyScratch implements Scratch {
  readonly #directory: ScratchDirectory
  #file: ((name: string) => string) | undefined
  #bytesUsed: (() => Promise<number>) | undefined

  constructor(directory: ScratchDirectory) {
    this.#directory = directory
  }

  get dir(): string {
    return this.#directory.open()
  }

  // Made on first read, so `const { file } = context.tmp` works and an invocation that never asks allocates no
  // closure: per-invocation closures are what made V8 pretenure tmp's objects (see tmp.ts).
  get file(): (name: string) => string {
    const directory = this.#directory
    this.#file ??= function scratchFile(name) {
      return scratchPath(directory.open(), directory.realDir, name)
    }
    return this.#file
  }

  get bytesUsed(): () => Promise<number> {
    const directory = this.#directory
    this.#bytesUsed ??= async function scratchBytesUsed() {
      const path = directory.created()
      return path === undefined ? 0 : apparentSize(path)
    }
    return this.#bytesUsed
  }
}

/**
 * A scratch under `root` that exists only once used. Its name declares its owner (this process and thread, the
 * invocation's deadline) and ends in 64 random bits (crypto); it is created with mkdir's exclusive semantics, so
 * an existing entry of that name — a planted symbolic link included — is refused.
 *
 * @example
 * const handle = openScratch('/tmp', 'sluice-scratch', { deadline: () => Date.now() + 3_000 })
 * handle.scratch.file('a.txt') // creates /tmp/sluice-scratch-<pid>-<start>-<thread>-<deadline>-<hex>, returns …/a.txt
 * handle.close()
 */
export const openScratch = (root: string, prefix: string, options: ScratchOptions = {}): ScratchHandle =>
  new ScratchDirectory(root, prefix, options)
