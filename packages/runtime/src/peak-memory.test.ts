import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { peakMemoryReader } from './peak-memory.ts'

/** One reading by a reader of its own, closed after (it holds the process's status file open). */
const readOnce = async (pid: number | undefined): Promise<number> => {
  const reader = peakMemoryReader(pid)
  try {
    return await reader.read()
  } finally {
    reader.close()
  }
}

const hwmMbOf = async (pid: number | undefined): Promise<number | undefined> => {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => undefined)
  return status === undefined ? undefined : Number(/^VmHWM:\s+(\d+) kB$/m.exec(status)?.[1]) / 1024
}

describe('peakMemoryReader', () => {
  it('reads a live process: its peak RSS less file pages mapped as huge pages, and 0 once it is gone', async () => {
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 10_000)'], { stdio: 'ignore' })
    await once(child, 'spawn')
    try {
      const peak = await readOnce(child.pid)
      // Read after: the peak only grows, so this bounds what the reader saw.
      const hwmMb = await hwmMbOf(child.pid)
      if (hwmMb === undefined) return expect(peak).toBe(0) // no /proc here
      expect(peak).toBeGreaterThan(0)
      expect(peak).toBeLessThanOrEqual(Math.ceil(hwmMb))
    } finally {
      child.kill()
      await once(child, 'exit')
    }
    expect(await readOnce(child.pid)).toBe(0)
    expect(await readOnce(undefined)).toBe(0)
  })

  it('reads one process again and again, gives 0 once it is gone or the reader is closed', async () => {
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 10_000)'], { stdio: 'ignore' })
    await once(child, 'spawn')
    const reader = peakMemoryReader(child.pid)
    const closed = peakMemoryReader(child.pid)
    try {
      const readings = [await reader.read(), await reader.read(), await reader.read()]
      const hwmMb = await hwmMbOf(child.pid)
      if (hwmMb === undefined) return expect(readings).toEqual([0, 0, 0])
      for (const peak of readings) {
        expect(peak).toBeGreaterThan(0)
        expect(peak).toBeLessThanOrEqual(Math.ceil(hwmMb))
      }
      // The peak never goes down between readings of one process.
      expect(readings).toEqual([...readings].sort((a, b) => a - b))
      closed.close()
      closed.close()
      expect(await closed.read()).toBe(0)
    } finally {
      child.kill()
      await once(child, 'exit')
    }
    // The reader holds the first process's status open: once it is reaped, no other process with its pid is read.
    expect(await reader.read()).toBe(0)
    reader.close()
  })
})
