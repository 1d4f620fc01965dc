import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { peakMemoryMb } from './peak-memory.ts'

describe('peakMemoryMb', () => {
  it('reads a live process: its peak RSS less file pages mapped as huge pages, and 0 once it is gone', async () => {
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 10_000)'], { stdio: 'ignore' })
    await once(child, 'spawn')
    try {
      const peak = await peakMemoryMb(child.pid)
      // Read after: the peak only grows, so this bounds what peakMemoryMb saw.
      const status = await readFile(`/proc/${child.pid}/status`, 'utf8').catch(() => undefined)
      if (status === undefined) return expect(peak).toBe(0) // no /proc here
      const hwmMb = Number(/^VmHWM:\s+(\d+) kB$/m.exec(status)?.[1]) / 1024
      expect(peak).toBeGreaterThan(0)
      expect(peak).toBeLessThanOrEqual(Math.ceil(hwmMb))
    } finally {
      child.kill()
      await once(child, 'exit')
    }
    expect(await peakMemoryMb(child.pid)).toBe(0)
    expect(await peakMemoryMb(undefined)).toBe(0)
  })
})
