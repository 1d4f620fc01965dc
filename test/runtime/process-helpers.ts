import type { Runtime } from '@sluice/runtime'

/** True while a process with this pid exists (signal 0 only checks). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

/** Pids of the runtime's containers right now. */
export function containerPids(runtime: Runtime): number[] {
  return runtime.containers.flatMap((container) => (container.pid === undefined ? [] : [container.pid]))
}

/** Waits until none of `pids` is alive, or fails after `timeoutMs`. */
export async function expectAllGone(pids: readonly number[], timeoutMs = 2000): Promise<void> {
  const until = Date.now() + timeoutMs
  while (pids.some(isAlive)) {
    if (Date.now() > until) throw new Error(`processes still alive: ${pids.filter(isAlive).join(', ')}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}
