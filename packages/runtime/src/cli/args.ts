import { parseArgs } from 'node:util'
import { SluiceRuntimeError } from '../errors.ts'

/** Parsed `sluice invoke` arguments. */
export interface InvokeArgs {
  readonly handler: string
  readonly event: string | undefined
  readonly memoryMb: number
  readonly timeoutMs: number
  readonly count: number
  readonly concurrency: number
  readonly env: Record<string, string>
  readonly port: number
  readonly idleTimeoutMs: number
  readonly json: boolean
}

/**
 * Parses `sluice invoke <file#export> [options]`; bad input throws `INVALID_ARGUMENT` saying what to pass.
 *
 * @example
 * parseInvokeArgs(['handler.ts#handler', '--count', '3']).count // 3
 */
export function parseInvokeArgs(argv: readonly string[]): InvokeArgs {
  const { values, positionals } = parse(argv)
  const handler = positionals[0]
  if (handler === undefined || positionals.length > 1) {
    throw usage(
      'sluice invoke needs one handler, like: sluice invoke src/handler.ts#handler --event event.json',
    )
  }
  return {
    handler,
    event: values.event,
    memoryMb: integer('--memory', values.memory, 128),
    timeoutMs: duration('--timeout', values.timeout, 3000),
    count: integer('--count', values.count, 1),
    concurrency: integer('--concurrency', values.concurrency, 1),
    env: environment(values.env ?? []),
    port: integer('--port', values.port, 0),
    idleTimeoutMs: duration('--idle-timeout', values['idle-timeout'], 300_000),
    json: values.json ?? false,
  }
}

function parse(argv: readonly string[]) {
  try {
    return parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        event: { type: 'string', short: 'e' },
        memory: { type: 'string', short: 'm' },
        timeout: { type: 'string', short: 't' },
        count: { type: 'string', short: 'n' },
        concurrency: { type: 'string', short: 'c' },
        env: { type: 'string', multiple: true },
        port: { type: 'string' },
        'idle-timeout': { type: 'string' },
        json: { type: 'boolean' },
      },
    })
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error)
    throw usage(`${reason}: run sluice --help for the options`)
  }
}

function integer(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value < 0)
    throw usage(`${name} ${raw} is not a whole number: pass e.g. ${name} 4`)
  return value
}

/** Milliseconds, or seconds with an `s` suffix (`3s`), as Lambda configures timeouts in seconds. */
function duration(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback
  const match = /^(\d+(?:\.\d+)?)(ms|s)?$/.exec(raw)
  if (match?.[1] === undefined)
    throw usage(`${name} ${raw} is not a duration: pass milliseconds (3000) or seconds (3s)`)
  const value = Number(match[1]) * (match[2] === 's' ? 1000 : 1)
  return Math.round(value)
}

function environment(pairs: readonly string[]): Record<string, string> {
  const env: Record<string, string> = {}
  for (const pair of pairs) {
    const equals = pair.indexOf('=')
    if (equals <= 0) throw usage(`--env ${pair} is not KEY=VALUE: pass e.g. --env TABLE_NAME=orders`)
    env[pair.slice(0, equals)] = pair.slice(equals + 1)
  }
  return env
}

function usage(message: string): SluiceRuntimeError {
  return new SluiceRuntimeError('INVALID_ARGUMENT', message)
}
