import { describe, expect, it } from 'vitest'
import { createStyle } from './style.ts'

describe('createStyle', () => {
  it.each([
    [true, {}, true],
    [true, { NO_COLOR: '' }, true],
    [true, { NO_COLOR: '1' }, false],
    [true, { TERM: 'dumb' }, false],
    [false, {}, false],
  ])('on a TTY: %s, env %o: colours %s', (isTty, env, enabled) => {
    const style = createStyle(isTty, env)
    expect(style.enabled).toBe(enabled)
    expect(style.red('x')).toBe(enabled ? '\u001b[31mx\u001b[39m' : 'x')
  })
})
