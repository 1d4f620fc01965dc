import { writeSync } from 'node:fs'

// Atomics.wait on a private cell is a synchronous sleep that leaves the CPU to the process draining the pipe.
const cell = new Int32Array(new SharedArrayBuffer(4))
const nap = (ms: number): void => {
  Atomics.wait(cell, 0, 0, ms)
}

const codeOf = (error: unknown): unknown => (error as { code?: unknown } | null)?.code

/**
 * A destination that writes each line to a file descriptor before `write` returns, so a line is never left
 * in a buffer when Lambda freezes the process. A full pipe (`EAGAIN`: Node makes fd 1 non-blocking as soon
 * as anything touches `process.stdout`) is retried every `retryMs` (default 0.2 ms) until the reader has made
 * room: the wait is as long as the reader needs, where pino's `sync: true` destination sleeps 100 ms per full
 * pipe (`packages/logger/scripts/sync-cost.ts` measures both). Partial writes are completed. Any other error (a closed stdout) drops the line: there is nowhere to
 * write it.
 *
 * @example
 * const out = syncFdDestination(1)
 * out.write('{"msg":"hello"}\n')
 */
export const syncFdDestination = (fd: number, retryMs = 0.2) => ({
  write: function writeToFd(line: string): void {
    let rest: string | Buffer = line
    for (;;) {
      let written: number
      try {
        written = typeof rest === 'string' ? writeSync(fd, rest) : writeSync(fd, rest)
      } catch (error) {
        const code = codeOf(error)
        if (code !== 'EAGAIN' && code !== 'EBUSY') return
        nap(retryMs)
        continue
      }
      const length: number = typeof rest === 'string' ? Buffer.byteLength(rest) : rest.length
      if (written >= length) return
      rest = (typeof rest === 'string' ? Buffer.from(rest) : rest).subarray(written)
    }
  },
})
