import { describe, expect, it } from 'vitest'
import { prettyLogLine } from './format-log.ts'
import { createStyle } from './style.ts'

const plain = createStyle(false, {})

describe('prettyLogLine', () => {
  it("formats the RIC's JSON and text lines as time, level, message", () => {
    const json = '{"timestamp":"2025-01-01T12:00:01.234Z","level":"INFO","requestId":"r","message":"hi"}'
    expect(prettyLogLine(json, plain)).toBe('12:00:01.234 INFO  hi')
    expect(prettyLogLine('2025-01-01T12:00:01.234Z\tr\tERROR\tboom\rat x', plain)).toBe(
      `12:00:01.234 ERROR boom\n${' '.repeat(19)}at x`,
    )
  })

  it('leaves other output alone', () => {
    expect(prettyLogLine('raw stdout write', plain)).toBe('raw stdout write')
    expect(prettyLogLine('{"not":"a log"}', plain)).toBe('{"not":"a log"}')
  })
})
