import { describe, expect, it } from 'vitest'
import { parseDevArgs } from './dev-args.ts'

describe('parseDevArgs', () => {
  it('reads the config path and every option', () => {
    expect(
      parseDevArgs([
        'app/sluice.config.ts',
        '--time-scale',
        '2.5',
        '--port',
        '0',
        '--control-port',
        '9100',
        '--json',
        '--no-watch',
      ]),
    ).toEqual({
      config: 'app/sluice.config.ts',
      timeScale: 2.5,
      port: 0,
      controlPort: 9100,
      json: true,
      watch: false,
    })
  })

  it('leaves unset what the config decides', () => {
    expect(parseDevArgs([])).toEqual({
      config: undefined,
      timeScale: undefined,
      port: undefined,
      controlPort: 0,
      json: false,
      watch: true,
    })
  })

  it.each([
    [['--time-scale', '0'], /--time-scale must be a positive number/],
    [['--time-scale', 'fast'], /--time-scale must be a positive number/],
    [['--port', '70000'], /--port must be a port/],
    [['a.ts', 'b.ts'], /takes one config file/],
    [['--nope'], /run sluice --help/],
  ])('refuses %j with INVALID_ARGUMENT saying what to pass', (argv, message) => {
    expect(() => parseDevArgs(argv)).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT', message: expect.stringMatching(message) }),
    )
  })
})
