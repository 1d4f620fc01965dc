import { describe, expect, test } from 'vitest'
import { SluiceRuntimeError } from './errors.ts'
import { typeStrippingFlags } from './type-stripping.ts'

describe('typeStrippingFlags', () => {
  test.each([
    ['24.21.0', []],
    ['23.6.0', []],
    ['22.18.0', []],
    ['22.17.1', ['--experimental-strip-types']],
    ['22.6.0', ['--experimental-strip-types']],
    ['23.0.0', ['--experimental-strip-types']],
    ['23.5.0', ['--experimental-strip-types']],
  ])('a .ts handler on Node %s gets %j', (version, flags) => {
    expect(typeStrippingFlags('/app/handler.ts', version)).toEqual(flags)
    expect(typeStrippingFlags('/app/handler.mts', version)).toEqual(flags)
  })

  test('JavaScript handlers need no flag on any Node', () => {
    for (const version of ['22.0.0', '22.12.0', '24.21.0'])
      expect(typeStrippingFlags('/app/handler.mjs', version)).toEqual([])
  })

  test('refuses a .ts handler on a Node that cannot strip types, naming the Node to use', () => {
    for (const version of ['22.5.1', '22.0.0', '20.19.0']) {
      const error = (() => {
        try {
          typeStrippingFlags('/app/handler.cts', version)
        } catch (thrown) {
          return thrown
        }
      })()
      expect(error).toBeInstanceOf(SluiceRuntimeError)
      expect(error).toMatchObject({ code: 'HANDLER_NOT_LOADABLE' })
      expect((error as Error).message).toContain(`Node ${version} cannot strip types`)
      expect((error as Error).message).toContain('Node 22.18 or later')
    }
  })
})
