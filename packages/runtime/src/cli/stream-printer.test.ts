import { describe, expect, it } from 'vitest'
import { buildReport } from '../report.ts'
import { createStreamPrinter, describePrelude, streamSummary } from './stream-printer.ts'
import { createStyle } from './style.ts'

const plain = createStyle(false, {})
const bytes = (text: string) => new TextEncoder().encode(text)

function printer(labelled: boolean, pretty = false) {
  const printed: string[] = []
  const stream = createStreamPrinter({ print: (text) => printed.push(text) }, plain, { labelled, pretty })
  return { printed, stream }
}

describe('createStreamPrinter', () => {
  it('prints one invocation’s body as it comes and ends its last line', () => {
    const { printed, stream } = printer(false)
    const live = stream.listen(0)
    live.onChunk?.({ atMs: 1, data: bytes('chunk-1;') })
    expect(printed).toEqual(['chunk-1;'])
    live.onChunk?.({ atMs: 2, data: bytes('chunk-2;') })
    stream.end(0)
    expect(printed.join('')).toBe('chunk-1;chunk-2;\n')
  })

  it('shows a character split across chunks once, whole', () => {
    const { printed, stream } = printer(false)
    const live = stream.listen(0)
    const cafe = bytes('café\n')
    live.onChunk?.({ atMs: 1, data: cafe.subarray(0, 4) })
    live.onChunk?.({ atMs: 2, data: cafe.subarray(4) })
    stream.end(0)
    expect(printed.join('')).toBe('café\n')
  })

  it('labels the lines of interleaved invocations and shows binary chunks by size', () => {
    const { printed, stream } = printer(true)
    stream.listen(0).onChunk?.({ atMs: 1, data: bytes('a1\na2') })
    stream.listen(1).onPrelude?.({ statusCode: 201, headers: { 'x-a': 'b' } })
    stream.listen(1).onChunk?.({ atMs: 1, data: new Uint8Array([0xff, 0x00]) })
    expect(printed.join('')).toBe('#1 │ a1\n#1 │ a2\n#2 │ HTTP 201 · x-a: b\n#2 │ ‹2 bytes› \n')
  })

  it('shows control characters as pictures on a terminal', () => {
    const { printed, stream } = printer(false, true)
    stream.listen(0).onChunk?.({ atMs: 1, data: bytes('a\u001b[2Jb') })
    expect(printed).toEqual(['a␛[2Jb'])
  })
})

describe('describePrelude and streamSummary', () => {
  it('puts status, headers and cookies on one line', () => {
    expect(describePrelude({ cookies: ['a=1'] })).toBe('HTTP 200 · set-cookie: a=1')
  })

  it('sums a streamed result up after its REPORT, and says nothing for a buffered one', () => {
    const report = buildReport({
      requestId: 'r',
      durationMs: 300,
      memorySizeMb: 128,
      maxMemoryUsedMb: 60,
      status: 'success',
    })
    const base = { requestId: 'r', report, logs: [], containerId: 'c', coldStart: false, concurrency: 1 }
    expect(streamSummary(base)).toBeUndefined()
    const stream = {
      contentType: 'text/plain',
      chunks: [{ atMs: 1.5, data: bytes('x') }],
      bytes: 1,
      throttledMs: 0,
    }
    expect(streamSummary({ ...base, firstByteMs: 1.5, stream })).toBe(
      'STREAM 1 chunk  1 bytes  first byte 1.50 ms  text/plain',
    )
  })
})
