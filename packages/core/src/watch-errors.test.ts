import { describe, expect, test } from 'vitest'
import { watchErrors } from './watch-errors.ts'

describe('watchErrors', () => {
  test('calls back once per error assigned, and a watch already there (the logger’s) keeps working', () => {
    const request: { error?: unknown } = {}
    const seen: string[] = []
    watchErrors(request, () => seen.push('first'))
    watchErrors(request, () => seen.push('second'))
    request.error = undefined
    const error = new Error('boom')
    request.error = error
    expect(request.error).toBe(error)
    expect(seen).toEqual(['first', 'second'])
  })
})
