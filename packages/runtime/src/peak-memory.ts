import { closeSync, openSync, readSync } from 'node:fs'
import { readFile } from 'node:fs/promises'

// Built once: this runs after every invocation.
const VM_HWM = /^VmHWM:\s+(\d+)\s+kB$/m
const FILE_PMD_MAPPED = /^FilePmdMapped:\s+(\d+)\s+kB$/m
/** `/proc/<pid>/status` is some 1.5 kB, and VmHWM is in its first lines. */
const STATUS_BYTES = 8192
/** `smaps_rollup` is read again at most this often, and only when VmHWM moved. */
const HUGE_READING_MS = 1000

const kbField = (text: string, field: RegExp): number | undefined => {
  const match = field.exec(text)
  return match?.[1] === undefined ? undefined : Number(match[1])
}

/** Reads one process's peak memory again and again; {@link peakMemoryReader} makes one. */
export interface PeakMemoryReader {
  /** Max Memory Used now, in MB (0 where /proc is missing or the process is gone). */
  read(): Promise<number>
  /** Closes the file it holds open; `read` then gives 0. Idempotent. */
  close(): void
}

/**
 * Peak resident set size of a process in MB (rounded up): what Lambda reports as Max Memory Used. It is
 * `/proc/<pid>/status` VmHWM less the file pages mapped as huge pages (`FilePmdMapped` in `smaps_rollup`): a kernel
 * that keeps a freshly written file (the Node binary right after `npm install`) in large folios maps it 2 MB at a
 * time, which adds some 25 MB of RSS that the same binary, paged in 4 kB at a time, does not cost — the measure
 * would otherwise depend on how recently the machine installed Node, not on the function.
 *
 * Read after every invocation, so it is cheap when nothing grew: `status` is kept open and read again from offset 0
 * (one `pread`, some 7 µs, where `readFile` costs some 160 µs of CPU through the thread pool). `smaps_rollup` walks
 * every page table of the process (near a millisecond of kernel time for a Node process of 100 MB, more as it
 * grows): it is read on the first reading, then again only when VmHWM moved and the last read is a second old, so a
 * function whose heap keeps growing does not pay it on every invocation. The huge-page figure may thus lag by up to
 * a second (it changes when the kernel maps more of a file 2 MB at a time, mostly during INIT). Gives 0 where /proc
 * is missing (macOS) or the process is gone.
 *
 * @example
 * const peak = peakMemoryReader(child.pid)
 * await peak.read() // 61
 * peak.close()
 */
export function peakMemoryReader(pid: number | undefined): PeakMemoryReader {
  let fd: number | undefined
  let closed = pid === undefined
  const buffer = Buffer.allocUnsafe(STATUS_BYTES)
  // Shared while a read is under way: invocations that end meanwhile wait for it rather than subtract nothing.
  let hugeFileKb: Promise<number> = Promise.resolve(0)
  let hugeReadAt = Number.NEGATIVE_INFINITY
  let lastHwmKb: number | undefined

  const status = (): string | undefined => {
    if (closed) return undefined
    try {
      fd ??= openSync(`/proc/${pid}/status`, 'r')
      const length = readSync(fd, buffer, 0, STATUS_BYTES, 0)
      return buffer.toString('latin1', 0, length)
    } catch {
      return undefined // no /proc, or the process is gone (ESRCH once it was reaped)
    }
  }

  return {
    async read() {
      const text = status()
      const hwmKb = text === undefined ? undefined : kbField(text, VM_HWM)
      if (hwmKb === undefined) return 0
      const now = performance.now()
      // lastHwmKb is the peak the huge-page figure was read at: a peak that moved within the second is read on
      // the first reading after it, even if it moves no more.
      if (hwmKb !== lastHwmKb && now - hugeReadAt >= HUGE_READING_MS) {
        hugeReadAt = now
        lastHwmKb = hwmKb
        hugeFileKb = readFile(`/proc/${pid}/smaps_rollup`, 'utf8').then(
          (rollup) => kbField(rollup, FILE_PMD_MAPPED) ?? 0,
          () => 0,
        )
      }
      return Math.ceil(Math.max(0, hwmKb - (await hugeFileKb)) / 1024)
    },
    close() {
      closed = true
      if (fd !== undefined) closeSync(fd)
      fd = undefined
    },
  }
}
