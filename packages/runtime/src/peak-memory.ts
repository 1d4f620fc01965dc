import { readFile } from 'node:fs/promises'

/**
 * Peak resident set size of a process in MB (rounded up), from `/proc/<pid>/status` VmHWM: what Lambda
 * reports as Max Memory Used. Returns 0 where /proc is missing (macOS) or the process is gone.
 *
 * @example
 * await peakMemoryMb(child.pid) // 61
 */
export async function peakMemoryMb(pid: number | undefined): Promise<number> {
  if (pid === undefined) return 0
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8')
    const match = /^VmHWM:\s+(\d+)\s+kB$/m.exec(status)
    return match?.[1] === undefined ? 0 : Math.ceil(Number(match[1]) / 1024)
  } catch {
    return 0
  }
}
