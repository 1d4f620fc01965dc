import { describe, expect, it } from 'vitest'
import type { StreamOutcome } from './response-stream.ts'
import { streamedResult } from './streamed-result.ts'

const outcome = (chunks: [at: number, text: string | Buffer][], extra: Partial<StreamOutcome> = {}) => ({
  contentType: 'text/plain',
  chunks: chunks.map(([at, data]) => ({ at, data: Buffer.from(data) })),
  throttledMs: 0,
  ...extra,
})

describe('streamedResult', () => {
  it('joins the chunks as UTF-8 text (a character split across two chunks too), timed from delivery', () => {
    const bytes = Buffer.from('café;')
    const fields = streamedResult(
      outcome([
        [1010.123, bytes.subarray(0, 4)],
        [1110, bytes.subarray(4)],
      ]),
      1000,
    )
    expect(fields.result).toBe('café;')
    expect(fields.resultEncoding).toBeUndefined()
    expect(fields.firstByteMs).toBe(10.12)
    expect(fields.stream?.chunks.map((chunk) => chunk.atMs)).toEqual([10.12, 110])
    expect(fields.stream?.bytes).toBe(6)
  })

  it('gives a body that is not valid UTF-8 as base64', () => {
    const fields = streamedResult(outcome([[5, Buffer.from([0x00, 0xff, 0xfe])]]), 0)
    expect(fields).toMatchObject({ result: 'AP/+', resultEncoding: 'base64' })
  })

  it('keeps a byte order mark in the text', () => {
    expect(streamedResult(outcome([[5, '\ufeffhi']]), 0).result).toBe('\ufeffhi')
  })

  it('has the error and what was received before it; no result when nothing was', () => {
    const error = { errorType: 'Error', errorMessage: 'broke', trace: [] }
    expect(streamedResult(outcome([[5, 'partial-']], { error }), 0)).toMatchObject({
      result: 'partial-',
      error,
    })
    const empty = streamedResult(outcome([], { error }), 0)
    expect(empty).not.toHaveProperty('result')
    expect(empty).not.toHaveProperty('firstByteMs')
    expect(empty.error).toEqual(error)
  })
})
