import { describe, expect, test } from 'vitest'
import { TmpError } from './errors.ts'
import { keepMatcher } from './keep.ts'

describe('keepMatcher', () => {
  test('matches names, globs, absolute paths inside the root (by their first segment) and RegExps', () => {
    const kept = keepMatcher(
      ['assets', '*.db', 'chromium-?', '/tmp/models/v3/a.onnx', '/elsewhere/x', /^pw-/g],
      '/tmp',
    )
    const names = [
      'assets',
      'orders.db',
      'chromium-1',
      'chromium-12',
      'models',
      'x',
      'pw-a',
      'pw-b',
      'assets2',
      'db',
    ]
    expect(names.filter(kept)).toEqual(['assets', 'orders.db', 'chromium-1', 'models', 'pw-a', 'pw-b'])
  })

  test('glob characters other than * and ? are literal', () => {
    const kept = keepMatcher(['a.b', '(x)+*'], '/tmp')
    expect(['a.b', 'aXb', '(x)+1', 'xx'].filter(kept)).toEqual(['a.b', '(x)+1'])
  })

  test('a predicate is used as it is', () => {
    const kept = keepMatcher((name) => name.endsWith('.keep'), '/tmp')
    expect(['a.keep', 'b'].filter(kept)).toEqual(['a.keep'])
  })

  test('anything else is an invalid option', () => {
    expect(() => keepMatcher([42 as unknown as string], '/tmp')).toThrow(TmpError)
    expect(() => keepMatcher([''], '/tmp')).toThrowError(
      expect.objectContaining({ code: 'TMP_INVALID_OPTION', path: ['keep'] }),
    )
  })
})
