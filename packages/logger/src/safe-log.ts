import { type LogFn, type Logger, symbols } from 'pino'
import { cleanKeys, isFlatAndClean } from './flat-line.ts'
import { type SafeValueOptions, safeBindings, safeValue } from './safe-value.ts'

/**
 * What {@link safeLogMethod} needs: the value rules and the key errors are logged under.
 *
 * @example
 * const options: SafeLogOptions = { isSecret: secretKeyMatcher(), error: errorShape('sluice'), errorKey: 'err', messageKey: 'msg' }
 */
export interface SafeLogOptions extends SafeValueOptions {
  /** `err` (sluice) or `error` (Powertools names). */
  readonly errorKey: string
  /** `msg` (sluice) or `message` (Powertools names). */
  readonly messageKey: string
}

const NOTE_LENGTH = 200

const guarded = <T>(get: () => T, fallback: T): T => {
  try {
    return get()
  } catch {
    return fallback
  }
}

const isError = (value: object): value is Error => {
  try {
    return value instanceof Error
  } catch {
    return false
  }
}

/** A value as message text that never throws: a symbol's description, a function's name, an object as JSON. */
const asText = (value: unknown, options: SafeValueOptions): string =>
  guarded(() => {
    if (typeof value === 'string') return value
    if (typeof value === 'symbol') return value.toString()
    if (typeof value === 'function') return '[Function]'
    if (typeof value !== 'object' || value === null) return String(value)
    return JSON.stringify(safeValue(value, options)) ?? ''
  }, '[Unreadable]')

/** A format argument (`log.info('%s and %j', a, b)`): primitives that format safely, objects made safe. */
const asParam = (value: unknown, options: SafeValueOptions): unknown => {
  if (typeof value === 'object' && value !== null) return safeValue(value, options)
  return typeof value === 'symbol' || typeof value === 'function' || typeof value === 'bigint'
    ? asText(value, options)
    : value
}

const errorMessage = (fields: object, options: SafeLogOptions): string | undefined =>
  guarded(() => {
    const record = fields as Record<string, unknown>
    const error = record[options.errorKey]
    if (record[options.messageKey] !== undefined || !(error instanceof Error)) return undefined
    return typeof error.message === 'string' ? error.message : undefined
  }, undefined)

// pino hands the hook a fresh array of the call's arguments; it is changed in place.
const prepare = (args: unknown[], options: SafeLogOptions): unknown[] => {
  const first = args[0]
  let params = 1
  if (typeof first === 'object' && first !== null) {
    params = 2
    if (isError(first)) {
      // As pino does for log.error(err): the error under its key, its message as the message.
      args[0] = safeValue({ [options.errorKey]: first }, options)
      if (args[1] === undefined) args[1] = guarded(() => first.message, undefined)
    } else {
      // pino takes the message of `{ err }` from the error; keep it the error's own, not the shaped one.
      if (args[1] === undefined) args[1] = errorMessage(first, options)
      args[0] = safeValue(first, options)
    }
    const message = args[1]
    if (message !== undefined && typeof message !== 'string') args[1] = asText(message, options)
  } else if (first !== undefined && first !== null && typeof first !== 'string') {
    args[0] = asText(first, options)
  }
  for (let i = params; i < args.length; i++) args[i] = asParam(args[i], options)
  return args
}

const describe = (error: unknown): string =>
  guarded(
    () => (error instanceof Error ? `${String(error.name)}: ${String(error.message)}` : typeof error),
    'unknown error',
  ).slice(0, NOTE_LENGTH)

// pino's step after its log method has read the arguments: it builds the line and hands it to the destination.
// pino's docs ask a logMethod hook to call `method`; for the common line sluice calls this step itself, which is
// what `method` would do (pino is pinned; safe-log.test.ts checks the bytes match those of pino's own method).
const WRITE: typeof symbols.writeSym = symbols.writeSym
type PinoWrite = { [WRITE]: (object: object, message: string, level: number) => void }

/**
 * Whether pino's log method (`LOG` in pino's lib/tools.js) would pass a flat object and a string message on to
 * its write step unchanged: no `msgPrefix` to prepend, and not what it takes for an HTTP request or response.
 */
const passedOnAsIs = (log: Logger, object: Record<string, unknown>): boolean =>
  typeof log.msgPrefix !== 'string' &&
  !(object.method && object.headers && object.socket) &&
  typeof object.setHeader !== 'function'

/**
 * pino's `hooks.logMethod` for a root logger: every argument of every log call (merging object, message,
 * format arguments) is made safe by `safeValue` (redacted at any depth, no throwing getters or Proxies, no
 * cycles), and if the call still throws, one line saying so is written in its place. A log call never throws.
 * `route` may name another logger to write the line through (a child bound to the current invocation).
 *
 * @example
 * pino({ hooks: { logMethod: safeLogMethod({ isSecret: secretKeyMatcher(), error: errorShape('sluice'), errorKey: 'err', messageKey: 'msg' }) } })
 */
export const safeLogMethod = (options: SafeLogOptions, route?: (log: Logger) => Logger | undefined) => {
  const { isSecret } = options
  const clean = cleanKeys()
  return function safeLog(this: Logger, args: Parameters<LogFn>, method: LogFn, level: number): void {
    let log = this
    if (route !== undefined) {
      try {
        log = route(this) ?? this
      } catch {
        // A context that cannot be read (a hostile one in a test) writes the line without the invocation's fields.
      }
    }
    try {
      const call = args as unknown[]
      const first = call[0]
      const message = call[1]
      // The common call, `log.info({ orderId }, 'text')`: a flat object of primitives without secrets needs no
      // change, and pino's log method would only pass it on to its write step, so it goes there directly.
      if (
        call.length === 2 &&
        typeof message === 'string' &&
        typeof first === 'object' &&
        first !== null &&
        isFlatAndClean(first, isSecret, clean) &&
        passedOnAsIs(log, first as Record<string, unknown>)
      ) {
        ;(log as Logger & PinoWrite)[WRITE](first, message, level)
      } else method.apply(log, prepare(call, options) as Parameters<LogFn>)
    } catch (error) {
      try {
        method.call(log, { logError: describe(error) }, 'a log call failed; this line replaces it')
      } catch {
        // The destination itself throws: there is nowhere left to write to.
      }
    }
  }
}

/**
 * Makes `child(bindings)` and `setBindings(bindings)` on `root` and every logger made from it take bindings
 * of any shape without throwing, redacted like log lines (bindings that are not an object bind nothing).
 * `onChild` sees each child made, with the bindings it got.
 *
 * @example
 * guardBindings(root, { isSecret: secretKeyMatcher(), error: errorShape('sluice') })
 * root.child({ apiKey: 'k' }).info('x') // "apiKey":"[Redacted]"
 */
export const guardBindings = (
  root: Logger,
  options: SafeValueOptions,
  onChild?: (child: ReturnType<Logger['child']>, bindings: Record<string, unknown>) => void,
): void => {
  const { child, setBindings } = root
  const safe = (bindings: unknown) => guarded(() => safeBindings(bindings, options), {})
  Object.defineProperty(root, 'child', {
    configurable: true,
    writable: true,
    value: function safeChild(
      this: Logger,
      bindings: unknown,
      childOptions?: Parameters<Logger['child']>[1],
    ) {
      const fields = safe(bindings)
      let made: ReturnType<Logger['child']>
      try {
        made = child.call(this, fields, childOptions)
      } catch {
        // Only a field pino cannot write (a string past V8's limit) gets here; bad options throw again.
        return child.call(this, {}, childOptions)
      }
      onChild?.(made, fields)
      return made
    },
  })
  Object.defineProperty(root, 'setBindings', {
    configurable: true,
    writable: true,
    value: function safeSetBindings(this: Logger, bindings: unknown) {
      guarded(() => setBindings.call(this, safe(bindings)), undefined)
    },
  })
}
