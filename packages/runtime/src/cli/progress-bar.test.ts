import { describe, expect, test } from 'vitest'
import { createProgressBar } from './progress-bar.ts'

const stream = (isTTY: boolean) => {
  const writes: string[] = []
  return { isTTY, writes, write: (text: string) => writes.push(text) }
}

describe('createProgressBar', () => {
  test('on a TTY it redraws one line in place, output printed above keeps the bar below it, and a cleared bar stays gone', () => {
    const out = stream(true)
    const bar = createProgressBar(out, 4)
    bar.update(1, 0)
    bar.update(2, 1)
    const printed: string[] = []
    bar.above(() => printed.push('a log line'))
    bar.clear()
    bar.clear()
    bar.update(3, 1)
    expect(printed).toEqual(['a log line'])
    expect(out.writes.every((w) => w.startsWith('\r\u001b[2K'))).toBe(true)
    expect(out.writes.map((w) => w.slice(5))).toEqual([
      '[████████░░░░░░░░░░░░░░░░░░░░░░] 1/4',
      '[███████████████░░░░░░░░░░░░░░░] 2/4  1 failed',
      '',
      '[███████████████░░░░░░░░░░░░░░░] 2/4  1 failed',
      '',
    ])
  })

  test('writes nothing when the stream is not a TTY (piped output stays clean) or for a single invocation', () => {
    for (const [out, total] of [
      [stream(false), 10],
      [stream(true), 1],
    ] as const) {
      const bar = createProgressBar(out, total)
      bar.update(1, 0)
      bar.above(() => {})
      bar.clear()
      expect(out.writes).toEqual([])
    }
  })
})
