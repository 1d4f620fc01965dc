import { type DestinationStream, pino } from 'pino'
import { prettyDestination, stdoutDestination, wantsPretty } from './destination.ts'
import { errorShape } from './error-shape.ts'
import { loggerOptionChecks } from './errors.ts'
import { MAX_FIELD_LENGTH } from './field-cap.ts'
import { type FieldNames, type FieldStyle, fieldNames } from './fields.ts'
import { invocationLogger, markBound } from './invocation-fields.ts'
import { type LevelName, resolveLevel } from './levels.ts'
import { LineRouter } from './line-router.ts'
import type { Logger } from './logger-type.ts'
import { REDACTED, secretKeyMatcher } from './redact.ts'
import { guardBindings, safeLogMethod } from './safe-log.ts'
import { safeBindings } from './safe-value.ts'

/** Options of {@link createLogger}: everything about the container's root logger. */
export interface CreateLoggerOptions {
  /** Level when neither `AWS_LAMBDA_LOG_LEVEL` is set nor overridden (see README for the precedence). */
  readonly level?: LevelName | Uppercase<LevelName>
  /** `service` field. Default `POWERTOOLS_SERVICE_NAME`; left out when unset (Powertools names: `service_undefined`). */
  readonly service?: string
  /** `sluice` (default) or `powertools`: Powertools Logger's field names and level spelling. */
  readonly fieldNames?: FieldStyle
  /**
   * More to redact: `keys` (names matched in any case and spelling, at any depth, added to the defaults) and
   * `paths` (pino redact paths, exact). `false` turns key redaction off, defaults included.
   */
  readonly redact?: RedactOptions | false
  /**
   * Longest value of a field copied from the event or environment (correlation id, record id, trace id);
   * longer ones are cut and end with `…`. Whole number ≥ 16, default 256.
   */
  readonly maxFieldLength?: number
  /** Pretty-print (pino-pretty). Default: `SLUICE_LOG_PRETTY`, else whether stdout is a terminal. */
  readonly pretty?: boolean
  /** Where lines go. Default: synchronous stdout. Must write synchronously (Lambda freezes after the response). */
  readonly destination?: DestinationStream
  /** Fields on every line. */
  readonly base?: Readonly<Record<string, unknown>>
}

/** What to redact besides the defaults. */
export interface RedactOptions {
  /** Key names, compared ignoring case and `-` `_` `.`, at any depth of a logged object or bindings. */
  readonly keys?: readonly string[]
  /** pino redact paths (`'user.ssn'`, `'items[*].card'`), exact case. */
  readonly paths?: readonly string[]
}

/** What a root logger knows that its children need; found under {@link ROOT} on any logger of the tree. */
export interface RootInfo {
  readonly fields: FieldNames
  readonly router: LineRouter
  /** See {@link CreateLoggerOptions.maxFieldLength}. */
  readonly maxFieldLength: number
}

/** Where a root logger keeps its {@link RootInfo}; children inherit it. */
export const ROOT = Symbol('sluice.logger.root')

/**
 * The {@link RootInfo} of a logger made by {@link createLogger} (or a child of one), else `undefined`.
 *
 * @example
 * rootInfo(createLogger())?.fields.style // 'sluice'
 */
export const rootInfo = (log: Logger): RootInfo | undefined => (log as Logger & { [ROOT]?: RootInfo })[ROOT]

/** `,"<key>":"<ISO time>"` for pino; the ISO string is built once per millisecond, not once per line. */
const isoTimestamp = (key: string): (() => string) => {
  let lastMs = -1
  let last = ''
  return () => {
    const now = Date.now()
    if (now !== lastMs) {
      lastMs = now
      last = `,"${key}":"${new Date(now).toISOString()}"`
    }
    return last
  }
}

const keepShaped = (value: unknown): unknown => value

const serviceName = (options: CreateLoggerOptions, style: FieldStyle): string | undefined =>
  options.service ??
  (process.env.POWERTOOLS_SERVICE_NAME || undefined) ??
  (style === 'powertools' ? 'service_undefined' : undefined)

/**
 * A root pino logger for this container: JSON lines (level label, ISO `timestamp`), written synchronously to
 * stdout, secret keys redacted at any depth, level by Lambda's precedence. Its log methods, `child()` and
 * `setBindings()` (and those of every logger made from it) never throw, whatever they are given. Call it once at
 * module scope; the `logger()` middleware makes one per container for you when you don't pass `root`. Lines it
 * writes while an invocation runs carry that invocation's fields (request id, trace id, tenant, …), found in the
 * runtime's invoke store, so a module-scope logger is right even with many invocations in flight at once.
 *
 * @example
 * export const log = createLogger({ service: 'orders' })
 * log.info('container started') // during INIT: no request fields
 * export const handler = lambda().handler(() => log.info('order stored')) // with requestId, traceId, …
 */
export const createLogger = (options: CreateLoggerOptions = {}): Logger => {
  const style = options.fieldNames ?? 'sluice'
  const fields = fieldNames(style)
  const maxFieldLength = loggerOptionChecks.number(
    'maxFieldLength',
    options.maxFieldLength ?? MAX_FIELD_LENGTH,
    {
      integer: true,
      min: 16,
    },
  )
  const { level, warnings } = resolveLevel(options.level)
  const pretty = options.pretty ?? wantsPretty()
  const target = options.destination ?? stdoutDestination()
  const router = new LineRouter(pretty ? prettyDestination(fields, target, options.pretty === true) : target)
  const redact = options.redact === false ? undefined : options.redact
  const paths = redact?.paths ?? []
  const safety = {
    isSecret: options.redact === false ? () => false : secretKeyMatcher(redact?.keys ?? []),
    error: errorShape(style),
  }
  const service = serviceName(options, style)
  const base = safeBindings({ ...(service === undefined ? {} : { service }), ...options.base }, safety)
  // A line written during an invocation goes through a child bound to it (see invocationLogger).
  const through = invocationLogger(fields, maxFieldLength)
  const root = pino(
    {
      level,
      base: Object.keys(base).length > 0 ? base : null,
      messageKey: fields.message,
      errorKey: fields.error,
      timestamp: isoTimestamp(fields.timestamp),
      formatters: { level: (label) => ({ level: fields.levelLabel(label) }) },
      // Errors are shaped (and redacted) with everything else in the log-method hook.
      serializers: { err: keepShaped },
      hooks: {
        logMethod: safeLogMethod({ ...safety, errorKey: fields.error, messageKey: fields.message }, through),
      },
      ...(paths.length > 0 ? { redact: { paths: [...paths], censor: REDACTED } } : {}),
    },
    router,
  )
  guardBindings(root, safety, (child, bindings) => {
    if (Object.hasOwn(bindings, fields.requestId)) markBound(child)
  })
  const info: RootInfo = { fields, router, maxFieldLength }
  Object.defineProperty(root, ROOT, { value: info })
  for (const warning of warnings) root.warn(warning)
  return root
}
