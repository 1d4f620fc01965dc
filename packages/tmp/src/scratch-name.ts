import { randomFillSync } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { threadId } from 'node:worker_threads'

/**
 * Who owns a scratch directory, as its name says (see {@link parseScratchName}). The name is the lease: `mkdir` creates it atomically with the
 * directory, it never changes while the invocation runs (its deadline is fixed when it starts), and the listing
 * every sweep takes anyway reads it — so any worker thread or process sharing `/tmp` can tell whose it is
 * without a file to write, read or leave behind after a crash.
 */
export interface ScratchOwner {
  readonly pid: number
  /** When the owning process started (`/proc/<pid>/stat`, clock ticks since boot); 0 if unknown. */
  readonly start: number
  /** `worker_threads.threadId` of the owner (0: the main thread); `undefined` for a name of an older version. */
  readonly thread: number | undefined
  /** Epoch ms when the owning invocation's time is up; 0 for none known. */
  readonly deadline: number
}

/**
 * The start time of process `pid` in clock ticks since boot (field 22 of `/proc/<pid>/stat`), or `undefined` when
 * it cannot be read (no such process, no `/proc`). With the pid it names one process for good: a pid is reused,
 * a (pid, start) pair is not.
 *
 * @example
 * processStart(process.pid) // 51874 on Linux
 */
export function processStart(pid: number): number | undefined {
  let stat: string
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'latin1')
  } catch {
    return undefined
  }
  // The command name (field 2) may hold spaces and parentheses: count fields from its closing one (field 3 on).
  const ticks = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19])
  return Number.isSafeInteger(ticks) && ticks > 0 ? ticks : undefined
}

// A fact of the process, the same in every worker thread: read once per thread, at the first scratch.
let ownStart: number | undefined

/**
 * This process's start time (see {@link processStart}), 0 if unknown; the same in every worker thread.
 *
 * @example
 * parseScratchName(name, prefix)?.start === ownProcessStart() // made by this process, not an earlier one
 */
export const ownProcessStart = (): number => {
  ownStart ??= processStart(process.pid) ?? 0
  return ownStart
}

// Random bits for names, filled 512 names at a time: one randomBytes(8) per scratch costs ~30 times more (a
// buffer and a call into the CSPRNG each). Every 8 bytes go to one name only.
const pool = Buffer.alloc(4096)
let taken = pool.length

/** 64 fresh random bits (crypto), as 16 hex digits. */
function randomHex(): string {
  if (taken + 8 > pool.length) {
    randomFillSync(pool)
    taken = 0
  }
  taken += 8
  return pool.toString('hex', taken - 8, taken)
}

/**
 * A fresh scratch name `<prefix>-<pid>-<process start>-<thread>-<deadline>-<16 hex>`: the owner (see
 * {@link ScratchOwner}), then 64 random bits so names never collide and cannot be guessed.
 *
 * @example
 * scratchName('sluice-scratch', 1767225600000) // 'sluice-scratch-4242-51874-1-1767225600000-0123456789abcdef'
 */
export function scratchName(prefix: string, deadline: number): string {
  const until = Number.isFinite(deadline) && deadline > 0 ? Math.floor(deadline) : 0
  return `${prefix}-${process.pid}-${ownProcessStart()}-${threadId}-${until}-${randomHex()}`
}

const CURRENT = /^(\d{1,10})-(\d{1,20})-(\d{1,10})-(\d{1,16})-[0-9a-f]{16}$/
/** `<prefix>-<pid>-<16 hex>`, what versions before the lease wrote: still recognised, so still swept. */
const LEGACY = /^(\d{1,10})-[0-9a-f]{16}$/

/**
 * The owner a scratch name of `prefix` declares, or `undefined` for any other name.
 *
 * @example
 * parseScratchName('sluice-scratch-42-51874-1-1767225600000-0123456789abcdef', 'sluice-scratch')
 * // { pid: 42, start: 51874, thread: 1, deadline: 1767225600000 }
 */
export function parseScratchName(name: string, prefix: string): ScratchOwner | undefined {
  if (!name.startsWith(`${prefix}-`)) return undefined
  const rest = name.slice(prefix.length + 1)
  const current = CURRENT.exec(rest)
  if (current) {
    const [, pid, start, thread, deadline] = current
    return { pid: Number(pid), start: Number(start), thread: Number(thread), deadline: Number(deadline) }
  }
  const legacy = LEGACY.exec(rest)
  return legacy ? { pid: Number(legacy[1]), start: 0, thread: undefined, deadline: 0 } : undefined
}
