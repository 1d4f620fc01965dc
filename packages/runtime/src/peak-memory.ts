import { readFile } from 'node:fs/promises'

// Built once: this runs after every invocation.
const VM_HWM = /^VmHWM:\s+(\d+)\s+kB$/m
const FILE_PMD_MAPPED = /^FilePmdMapped:\s+(\d+)\s+kB$/m

const kbField = (text: string, field: RegExp): number | undefined => {
  const match = field.exec(text)
  return match?.[1] === undefined ? undefined : Number(match[1])
}

/**
 * Peak resident set size of a process in MB (rounded up): what Lambda reports as Max Memory Used. It is
 * `/proc/<pid>/status` VmHWM less the file pages mapped as huge pages (`FilePmdMapped` in `smaps_rollup`): a kernel
 * that keeps a freshly written file (the Node binary right after `npm install`) in large folios maps it 2 MB at a
 * time, which adds some 25 MB of RSS that the same binary, paged in 4 kB at a time, does not cost — the measure
 * would otherwise depend on how recently the machine installed Node, not on the function. Returns 0 where /proc is
 * missing (macOS) or the process is gone.
 *
 * @example
 * await peakMemoryMb(child.pid) // 61
 */
export async function peakMemoryMb(pid: number | undefined): Promise<number> {
  if (pid === undefined) return 0
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8')
    const peakKb = kbField(status, VM_HWM)
    if (peakKb === undefined) return 0
    const rollup = await readFile(`/proc/${pid}/smaps_rollup`, 'utf8').catch(() => '')
    const hugeFileKb = kbField(rollup, FILE_PMD_MAPPED) ?? 0
    return Math.ceil(Math.max(0, peakKb - hugeFileKb) / 1024)
  } catch {
    return 0
  }
}
