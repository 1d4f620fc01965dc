import { parseArgs } from 'node:util'
import { SluiceRuntimeError } from '../errors.ts'
import { timeScaleFlag, wholeNumberFlag } from './flag-value.ts'

/** Parsed `sluice dev [config] [options]`. */
export interface DevArgs {
  /** The config file; unset: `sluice.config.ts` (or .mts/.mjs/.js) in the working directory. */
  readonly config: string | undefined
  readonly timeScale: number | undefined
  /** HTTP front door port. */
  readonly port: number | undefined
  readonly controlPort: number
  readonly json: boolean
  readonly watch: boolean
}

const PORT = { min: 0, max: 65_535, expected: 'a port from 0 to 65535 (0 picks a free one)', example: '3000' }

/**
 * Parses `sluice dev [config] [--time-scale n] [--port n] [--control-port n] [--json] [--no-watch]`; bad input
 * throws `INVALID_ARGUMENT` saying what to pass.
 *
 * @example
 * parseDevArgs(['sluice.config.ts', '--time-scale', '100']).timeScale // 100
 */
export function parseDevArgs(argv: readonly string[]): DevArgs {
  let parsed: ReturnType<typeof parse>
  try {
    parsed = parse(argv)
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error)
    throw usage(`${reason}: run sluice --help for the options of sluice dev`)
  }
  const { values, positionals } = parsed
  if (positionals.length > 1)
    throw usage(
      `sluice dev takes one config file, like: sluice dev sluice.config.ts (got ${positionals.join(' ')})`,
    )
  return {
    config: positionals[0],
    timeScale: timeScaleFlag(values['time-scale'], '100'),
    port:
      values.port === undefined ? undefined : wholeNumberFlag(values.port, 0, { flag: '--port', ...PORT }),
    controlPort: wholeNumberFlag(values['control-port'], 0, {
      flag: '--control-port',
      ...PORT,
      example: '9000',
    }),
    json: values.json ?? false,
    watch: !(values['no-watch'] ?? false),
  }
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      'time-scale': { type: 'string' },
      port: { type: 'string' },
      'control-port': { type: 'string' },
      json: { type: 'boolean' },
      'no-watch': { type: 'boolean' },
    },
  })
}

function usage(message: string): SluiceRuntimeError {
  return new SluiceRuntimeError('INVALID_ARGUMENT', message)
}
