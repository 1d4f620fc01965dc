import type { DestinationStream, Logger as PinoLogger } from 'pino'

/**
 * The logger sluice hands out (`context.log`, `createLogger()`, `childForRecord()`): pino's `Logger`, declared
 * in this package so that a `declaration: true` build of your handler names it as `@sluice/logger`'s `Logger`.
 * pino is this package's dependency, not yours: a declaration naming `import("pino")` would not be portable
 * (TS2742 where pino is not hoisted, as with pnpm or npm's linked installs).
 *
 * @example
 * const log: Logger = createLogger({ service: 'orders' })
 */
export interface Logger extends PinoLogger {}

/**
 * Where lines are written: pino's `DestinationStream`, declared here for the same reason as {@link Logger}.
 *
 * @example
 * const destination: LogDestination = stdoutDestination()
 */
export interface LogDestination extends DestinationStream {}
