import { describe, expect, it } from 'vitest'
import { fakeResult } from '../../test-support/fake-result.ts'
import { retryLine } from './async-lines.ts'
import { createStyle } from './style.ts'

const style = createStyle(false, {})

describe('retryLine', () => {
  it('shows the error’s first line, its control characters made visible, and the wait in both times', () => {
    const failed = fakeResult('r-1', { error: 'Error' })
    const error = { errorType: 'Error', errorMessage: 'boom\u001b[2J\rhidden\nat handler', trace: [] }
    const attempt = { requestId: 'r-1', attempt: 1, at: 0, result: { ...failed, error }, retryInMs: 60_000 }
    expect(retryLine(attempt, 2, 600, style)).toBe(
      'Function error Error: boom␛[2J: retry 1 of 2 in 60 s of Lambda time (0.1 s at --time-scale 600)',
    )
  })

  it('cuts a long message at 200 characters', () => {
    const failed = fakeResult('r-1', { error: 'Error' })
    const error = { errorType: 'Error', errorMessage: 'x'.repeat(300), trace: [] }
    const line = retryLine({ requestId: 'r-1', attempt: 2, at: 0, result: { ...failed, error } }, 2, 1, style)
    expect(line).toBe(`Function error Error: ${'x'.repeat(199)}…: retry 2 of 2 in 0 s of Lambda time`)
  })
})
