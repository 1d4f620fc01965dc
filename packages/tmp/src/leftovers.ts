import { join } from 'node:path'
import { removeEntry } from './remove.ts'
import { liveScratches } from './scratch.ts'

/** The pid in a scratch directory name `<prefix>-<pid>-<16 hex>`, or `undefined` for any other name. */
export function scratchPid(name: string, prefix: string): number | undefined {
  if (!name.startsWith(`${prefix}-`)) return undefined
  const match = /^(\d{1,10})-[0-9a-f]{16}$/.exec(name.slice(prefix.length + 1))
  return match ? Number(match[1]) : undefined
}

/** Whether a process with this pid exists (EPERM: it does, it is just not ours to signal). */
function pidAlive(pid: number): boolean {
  if (pid === process.pid) return true
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as { code?: unknown }).code === 'EPERM'
  }
}

/**
 * True for a scratch directory nobody will remove: its process is gone (Lambda killed it at a timeout and
 * started a new one, which may even have the same pid), or it carries this process's pid but this process
 * holds no such scratch.
 *
 * @example
 * isLeftover('sluice-scratch-4242-0123456789abcdef', 'sluice-scratch', '/tmp') // true when pid 4242 is gone
 */
export function isLeftover(name: string, prefix: string, root: string): boolean {
  const pid = scratchPid(name, prefix)
  if (pid === undefined) return false
  if (pid === process.pid) return !liveScratches.has(join(root, name))
  return !pidAlive(pid)
}

/**
 * Removes the leftover scratch directories among `names` (entries of `root`), never following links. Returns the
 * names it removed.
 *
 * @example
 * const swept = sweepLeftovers('/tmp', 'sluice-scratch', readdirSync('/tmp'))
 */
export function sweepLeftovers(root: string, prefix: string, names: Iterable<string>): string[] {
  const swept: string[] = []
  for (const name of names) {
    if (!isLeftover(name, prefix, root)) continue
    if (removeEntry(root, name) !== 'missing') swept.push(name)
  }
  return swept
}
