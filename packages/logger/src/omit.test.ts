import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { LoggerError } from './errors.ts'
import { omitPaths, parseOmitPaths } from './omit.ts'

const omit = (value: unknown, paths: string[]) => omitPaths(value, parseOmitPaths(paths, ['omit']))

describe('omitPaths', () => {
  test('leaves out top-level, nested and wildcard paths', () => {
    const event = {
      body: 'b',
      requestContext: { identity: { sourceIp: '1.2.3.4' }, requestId: 'r' },
      Records: [
        { body: 'x', messageId: '1' },
        { body: 'y', messageId: '2' },
      ],
    }
    expect(omit(event, ['body', 'requestContext.identity', 'Records.*.body'])).toEqual({
      requestContext: { requestId: 'r' },
      Records: [{ messageId: '1' }, { messageId: '2' }],
    })
  })

  test('never changes its input, and ignores paths that are not there', () => {
    fc.assert(
      fc.property(
        fc.jsonValue(),
        fc.array(fc.constantFrom('a', 'b', '*', 'a.b', '*.a', 'b.*'), { maxLength: 4 }),
        (value, paths) => {
          const before = JSON.stringify(value)
          omit(value, paths)
          expect(JSON.stringify(value)).toBe(before)
        },
      ),
    )
    const value = { a: 1 }
    expect(omit(value, ['b.c'])).toBe(value)
  })

  test('a path with an empty segment throws INVALID_OMIT_PATH with its index', () => {
    expect(() => parseOmitPaths(['ok', 'a..b'], ['logEvent', 'omit'])).toThrow(LoggerError)
    try {
      parseOmitPaths(['ok', ''], ['logEvent', 'omit'])
    } catch (error) {
      expect(error).toMatchObject({ code: 'INVALID_OMIT_PATH', path: ['logEvent', 'omit', 1] })
    }
  })
})
