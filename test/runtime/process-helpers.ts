import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
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

/** What a finished `sluice` run printed and how it exited. */
export interface CliRun {
  readonly code: number | null
  readonly stdout: string
  readonly stderr: string
}

/** The workspace's `sluice` bin, as `npx sluice` runs it. */
export const sluiceBin = fileURLToPath(new URL('../../packages/runtime/bin/sluice.mjs', import.meta.url))

/**
 * Runs the `sluice` CLI as a user would: a child process on the Node running the tests, in `cwd`, with piped
 * (non-TTY) output, and `input` (when given) on its standard input.
 *
 * @example
 * const { code, stdout } = await runSluice(['invoke', 'handler.ts#handler', '--json'], here)
 * await runSluice(['send', 'orders', '-'], here, '[{"body":"hi"}]')
 */
export function runSluice(args: readonly string[], cwd: string, input?: string): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const argv = [sluiceBin, ...args]
    const child =
      input === undefined
        ? spawn(process.execPath, argv, { cwd, stdio: ['ignore', 'pipe', 'pipe'] })
        : spawn(process.execPath, argv, { cwd, stdio: 'pipe' })
    // A child that exits without reading its input breaks the pipe: that is its answer, not the test's error.
    child.stdin?.on('error', () => {})
    child.stdin?.end(input)
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString()
    })
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString()
    })
    child.once('error', reject)
    child.once('close', (code) => resolve({ code, stdout, stderr }))
  })
}
