import { afterEach, beforeEach, expect } from 'vitest'

/**
 * Collects the unhandled rejections of each test (a load nobody awaited that failed) into the returned array,
 * emptied after every test. With `failOnAny`, a test that left one fails.
 *
 * @example
 * const unhandled = collectUnhandled({ failOnAny: true })
 */
export function collectUnhandled(options: { readonly failOnAny?: boolean } = {}): unknown[] {
  const unhandled: unknown[] = []
  const onUnhandled = (reason: unknown) => unhandled.push(reason)
  beforeEach(() => {
    process.on('unhandledRejection', onUnhandled)
  })
  afterEach(() => {
    process.off('unhandledRejection', onUnhandled)
    const left = unhandled.splice(0)
    if (options.failOnAny) expect(left).toEqual([])
  })
  return unhandled
}
