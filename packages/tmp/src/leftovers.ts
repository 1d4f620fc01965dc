import { join } from 'node:path'
import { threadId } from 'node:worker_threads'
import { removeEntry } from './remove.ts'
import { liveScratches } from './scratch.ts'
import { ownProcessStart, parseScratchName, processStart, type ScratchOwner } from './scratch-name.ts'

/** Whether the process the owner names still runs: the pid exists (EPERM: not ours to signal) and was not reused. */
function processAlive(owner: ScratchOwner): boolean {
  try {
    process.kill(owner.pid, 0)
  } catch (error) {
    if ((error as { code?: unknown }).code !== 'EPERM') return false
  }
  if (owner.start === 0) return true
  const start = processStart(owner.pid)
  return start === undefined || start === owner.start
}

/**
 * True for a scratch directory no running invocation owns, so nobody else will remove it. Who owns it is read from
 * its name (see `ScratchOwner`), never from this thread's memory alone, because worker threads share `/tmp`:
 * - this thread's: leftover unless this thread holds it open (an ended invocation's, re-created by work it left
 *   running, is one);
 * - another worker thread's of this process: leftover once its owner is past its deadline (a worker that died
 *   runs no hook, and its invocations' time runs out);
 * - an earlier process's with this pid (the runtime was restarted): leftover;
 * - another process's: leftover once its owner is past its deadline, or that process is gone.
 *
 * @example
 * isLeftover('sluice-scratch-4242-51874-0-1767225600000-0123456789abcdef', 'sluice-scratch', '/tmp', Date.now())
 */
export function isLeftover(name: string, prefix: string, root: string, now: number): boolean {
  const owner = parseScratchName(name, prefix)
  if (owner === undefined) return false
  const timeIsUp = owner.deadline !== 0 && owner.deadline <= now
  if (owner.pid !== process.pid) return timeIsUp || !processAlive(owner)
  if (owner.start !== ownProcessStart()) return true
  if (owner.thread === threadId || owner.thread === undefined) return !liveScratches.has(join(root, name))
  return timeIsUp
}

/**
 * Removes the leftover scratch directories among `names` (entries of `root`), never following links. Returns the
 * names it removed.
 *
 * @example
 * const swept = sweepLeftovers('/tmp', 'sluice-scratch', readdirSync('/tmp'), Date.now())
 */
export function sweepLeftovers(root: string, prefix: string, names: Iterable<string>, now: number): string[] {
  const swept: string[] = []
  for (const name of names) {
    if (!isLeftover(name, prefix, root, now)) continue
    if (removeEntry(root, name) !== 'missing') swept.push(name)
  }
  return swept
}
