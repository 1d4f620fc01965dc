import { Console } from 'node:console'
import type { Logger as PowertoolsLogger } from '@aws-lambda-powertools/logger'
import { pino } from 'pino'

/**
 * A synchronous sonic-boom destination on /dev/null (what `pino.destination({ sync: true })` makes): every
 * logger in the bench writes its lines through one of these, so the writes cost the same on every side.
 *
 * @example
 * const raw = pino({ base: null }, devNull())
 */
export const devNull = (): ReturnType<typeof pino.destination> =>
  pino.destination({ dest: '/dev/null', sync: true })

/**
 * Points a Powertools Logger at its own /dev/null destination. It writes through a node Console it builds on
 * process.stdout; for the bench only, that Console is swapped for one on a {@link devNull} destination.
 *
 * @example
 * const logger = quiet(new Logger({ serviceName: 'orders' }))
 */
export function quiet<T extends PowertoolsLogger>(logger: T): T {
  const sink = devNull()
  ;(logger as unknown as { console: Console }).console = new Console({
    stdout: sink as unknown as NodeJS.WritableStream,
    stderr: sink as unknown as NodeJS.WritableStream,
  })
  return logger
}
