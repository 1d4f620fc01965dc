import { parseArgs } from 'node:util'
import { SluiceRuntimeError } from '../errors.ts'
import { durationFlag, type FlagRule, timeScaleFlag, wholeNumberFlag } from './flag-value.ts'

/** The numeric flags of `sluice invoke`, with Lambda's limits where Lambda has them. */
const FLAGS = {
  memory: {
    flag: '--memory',
    min: 128,
    max: 10_240,
    expected: 'a whole number of MB from 128 to 10240',
    example: '512',
  },
  timeout: {
    flag: '--timeout',
    min: 1000,
    max: 900_000,
    expected: 'from 1s to 900s, in seconds (30s) or milliseconds (30000)',
    example: '30s',
  },
  count: {
    flag: '--count',
    min: 1,
    max: 1_000_000,
    expected: 'a whole number from 1 to 1000000',
    example: '10',
  },
  concurrency: {
    flag: '--concurrency',
    min: 1,
    max: 1000,
    expected: 'a whole number from 1 to 1000',
    example: '4',
  },
  maxConcurrency: {
    flag: '--max-concurrency',
    min: 1,
    max: 1000,
    expected: 'a whole number of invocations in flight per container, from 1 to 1000',
    example: '8',
  },
  workers: {
    flag: '--workers',
    min: 1,
    max: 64,
    expected: 'a whole number of runtime worker threads from 1 to 64 (with --max-concurrency)',
    example: '2',
  },
  port: {
    flag: '--port',
    min: 0,
    max: 65_535,
    expected: 'a port from 0 to 65535 (0 picks free ports)',
    example: '9001',
  },
  idleTimeout: {
    flag: '--idle-timeout',
    min: 0,
    max: 2_147_483_647,
    expected: 'from 0 to 2147483647 ms, in seconds (60s) or milliseconds (60000)',
    example: '60s',
  },
  maxRetryAttempts: {
    flag: '--max-retry-attempts',
    min: 0,
    max: 2,
    expected: 'a whole number from 0 to 2, as Lambda allows',
    example: '0',
  },
  maxEventAge: {
    flag: '--max-event-age',
    min: 60,
    max: 21_600,
    expected: 'a whole number of seconds from 60 to 21600, as Lambda allows',
    example: '3600',
  },
} satisfies Record<string, FlagRule>

/** `--async` settings: Lambda's asynchronous invocation config and how fast its waits pass here. */
export interface AsyncInvokeArgs {
  readonly maximumRetryAttempts: number
  readonly maximumEventAgeInSeconds: number
  /** Lambda seconds per real second (`--time-scale`); default 1. */
  readonly timeScale: number
}

/** Parsed `sluice invoke` arguments. */
export interface InvokeArgs {
  readonly handler: string
  readonly event: string | undefined
  readonly memoryMb: number
  readonly timeoutMs: number
  readonly count: number
  readonly concurrency: number
  /** Managed Instances mode: invocations in flight per container. */
  readonly maxConcurrency: number | undefined
  /** Runtime worker threads per container in Managed Instances mode. */
  readonly workers: number | undefined
  /** Tenants to spread invocations over, in turn (`--tenant-id a,b`); empty: no tenant. */
  readonly tenantIds: readonly string[]
  readonly env: Record<string, string>
  readonly port: number
  readonly idleTimeoutMs: number
  readonly json: boolean
  /** Set by `--async`: invoke with InvocationType Event (queue, retries, destination record). */
  readonly async?: AsyncInvokeArgs
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
  const count = wholeNumberFlag(values.count, 1, FLAGS.count)
  const invocationType = asyncArgs(values, count)
  return {
    handler,
    event: values.event,
    memoryMb: wholeNumberFlag(values.memory, 128, FLAGS.memory),
    timeoutMs: durationFlag(values.timeout, 3000, FLAGS.timeout),
    count,
    concurrency: wholeNumberFlag(values.concurrency, 1, FLAGS.concurrency),
    maxConcurrency: optionalFlag(values['max-concurrency'], FLAGS.maxConcurrency),
    workers: workersFlag(values.workers, values['max-concurrency']),
    tenantIds: tenants(values['tenant-id'] ?? []),
    env: environment(values.env ?? []),
    port: wholeNumberFlag(values.port, 0, FLAGS.port),
    idleTimeoutMs: durationFlag(values['idle-timeout'], 300_000, FLAGS.idleTimeout),
    json: values.json ?? false,
    ...(invocationType === undefined ? {} : { async: invocationType }),
  }
}

function asyncArgs(values: ReturnType<typeof parse>['values'], count: number): AsyncInvokeArgs | undefined {
  const given = (['max-retry-attempts', 'max-event-age', 'time-scale'] as const).find(
    (flag) => values[flag] !== undefined,
  )
  if (values.async !== true) {
    if (given !== undefined)
      throw usage(`--${given} needs --async: pass e.g. --async --${given} ${values[given]}`)
    return undefined
  }
  if (count > 1)
    throw usage('--async sends one event: leave out --count (or run sluice invoke once per event)')
  return {
    maximumRetryAttempts: wholeNumberFlag(values['max-retry-attempts'], 2, FLAGS.maxRetryAttempts),
    maximumEventAgeInSeconds: wholeNumberFlag(values['max-event-age'], 21_600, FLAGS.maxEventAge),
    timeScale: timeScaleFlag(values['time-scale'], '600') ?? 1,
  }
}

function parse(argv: readonly string[]) {
  try {
    return parseArgs({
      args: attachNegativeValues(argv),
      allowPositionals: true,
      options: {
        event: { type: 'string', short: 'e' },
        memory: { type: 'string', short: 'm' },
        timeout: { type: 'string', short: 't' },
        count: { type: 'string', short: 'n' },
        concurrency: { type: 'string', short: 'c' },
        'max-concurrency': { type: 'string' },
        workers: { type: 'string' },
        'tenant-id': { type: 'string', multiple: true },
        env: { type: 'string', multiple: true },
        port: { type: 'string' },
        'idle-timeout': { type: 'string' },
        json: { type: 'boolean' },
        async: { type: 'boolean' },
        'max-retry-attempts': { type: 'string' },
        'max-event-age': { type: 'string' },
        'time-scale': { type: 'string' },
      },
    })
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error)
    throw usage(`${reason}: run sluice --help for the options`)
  }
}

/**
 * `--timeout -5` reaches the range check (and its message) instead of parseArgs' "argument is ambiguous": a value
 * that looks like a negative number is attached to its flag (`--timeout=-5`, `-t-5`).
 */
function attachNegativeValues(argv: readonly string[]): string[] {
  const out: string[] = []
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index] ?? ''
    const next = argv[index + 1]
    if (next !== undefined && /^-\d/.test(next) && /^(--[a-z-]+|-[a-z])$/.test(arg)) {
      out.push(arg.startsWith('--') ? `${arg}=${next}` : `${arg}${next}`)
      index += 1
    } else {
      out.push(arg)
    }
  }
  return out
}

function optionalFlag(value: string | undefined, rule: FlagRule): number | undefined {
  return value === undefined ? undefined : wholeNumberFlag(value, rule.min, rule)
}

function workersFlag(value: string | undefined, maxConcurrency: string | undefined): number | undefined {
  if (value !== undefined && maxConcurrency === undefined) {
    throw usage(`--workers ${value} needs --max-concurrency: pass e.g. --max-concurrency 8 --workers 2`)
  }
  return optionalFlag(value, FLAGS.workers)
}

function tenants(values: readonly string[]): string[] {
  const ids = values.flatMap((value) => value.split(','))
  for (const id of ids) {
    if (!/^[\x21-\x7e]{1,256}$/.test(id)) {
      const shown = JSON.stringify(values.join(','))
      throw usage(
        `--tenant-id takes tenant ids of 1 to 256 printable characters, comma-separated, e.g. --tenant-id acme,globex (got ${shown})`,
      )
    }
  }
  return ids
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
