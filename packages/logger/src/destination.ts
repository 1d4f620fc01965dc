import { createRequire } from 'node:module'
import { isatty } from 'node:tty'
import type { DestinationStream } from 'pino'
import { LoggerError } from './errors.ts'
import { syncFdDestination } from './fd-destination.ts'
import type { FieldNames } from './fields.ts'
import type { LogDestination } from './logger-type.ts'

let stdout: DestinationStream | undefined

/**
 * The container's one stdout destination: synchronous writes to fd 1 (a writer that waits for a full pipe instead of sleeping), because
 * Lambda freezes the process as soon as the response is sent and a line waiting in a buffer may never be
 * written.
 *
 * @example
 * stdoutDestination().write('{"msg":"hello"}\n')
 */
export const stdoutDestination = (): LogDestination => {
  stdout ??= syncFdDestination(1)
  return stdout
}

/**
 * Whether lines should be pretty-printed: `SLUICE_LOG_PRETTY=1` (the local runtime may set it) or `0` decide;
 * otherwise pretty when stdout is a terminal, JSON when it is a pipe (as in Lambda).
 *
 * @example
 * wantsPretty({ SLUICE_LOG_PRETTY: '1' }) // true
 */
export const wantsPretty = (
  env: Readonly<Record<string, string | undefined>> = process.env,
  terminal: boolean = isatty(1),
): boolean => {
  const flag = env.SLUICE_LOG_PRETTY
  if (flag === '1' || flag === 'true') return true
  if (flag === '0' || flag === 'false') return false
  return terminal
}

type PrettyFactory = (options: Record<string, unknown>) => (line: string) => string

// pino-pretty is an optional peer: loaded (synchronously, so no line waits for it) only when pretty is on.
const loadPrettyFactory = (): PrettyFactory | undefined => {
  try {
    const required = createRequire(import.meta.url)('pino-pretty') as { prettyFactory?: PrettyFactory }
    return required.prettyFactory
  } catch {
    return undefined
  }
}

/**
 * A synchronous destination that pretty-prints each JSON line with pino-pretty before writing it to `target`.
 * `required` (pretty asked for by option) throws `PRETTY_UNAVAILABLE` when pino-pretty is not installed;
 * otherwise JSON is written as it is.
 *
 * @example
 * const out = prettyDestination(sluiceFields, stdoutDestination(), false)
 */
export const prettyDestination = (
  fields: FieldNames,
  target: DestinationStream,
  required: boolean,
): DestinationStream => {
  const factory = loadPrettyFactory()
  if (factory === undefined) {
    if (!required) return target
    throw new LoggerError(
      'PRETTY_UNAVAILABLE',
      'pretty: true needs pino-pretty: install it as a dependency',
      ['pretty'],
    )
  }
  const prettify = factory({
    colorize: isatty(1),
    messageKey: fields.message,
    timestampKey: fields.timestamp,
    errorLikeObjectKeys: [fields.error],
    ignore: 'functionName,functionVersion,memoryMb,function_arn,function_memory_size,function_name',
  })
  return {
    write: function writePretty(line: string) {
      target.write(prettify(line))
    },
  }
}
