/**
 * Codes of the warnings `tmp()` gives:
 * - `TMP_STRAYS`: the invocation left entries in the root outside its scratch (policy `warn`);
 * - `TMP_STRAYS_DELETED`: it did, and they were removed (policy `delete`);
 * - `TMP_STALE_SWEPT`: free space was low, so stale entries were removed before the handler;
 * - `TMP_LEFTOVERS_SWEPT`: scratch directories of killed or timed-out invocations were removed;
 * - `TMP_SCRATCH_REPLACED`: the scratch directory had been replaced by a link (the link was removed, not its target);
 * - `TMP_CLEANUP_FAILED`: removing something failed; the next invocation tries again.
 */
export type TmpWarningCode =
  | 'TMP_STRAYS'
  | 'TMP_STRAYS_DELETED'
  | 'TMP_STALE_SWEPT'
  | 'TMP_LEFTOVERS_SWEPT'
  | 'TMP_SCRATCH_REPLACED'
  | 'TMP_CLEANUP_FAILED'

/** Details of a warning: its code and the absolute paths concerned. */
export interface TmpWarningDetails {
  readonly code: TmpWarningCode
  readonly paths: readonly string[]
  readonly cause?: unknown
}

/**
 * Where `tmp()` sends warnings.
 *
 * @example
 * const warn: TmpWarnFn = (message, { code, paths }) => metrics.count(code, paths.length)
 */
export type TmpWarnFn = (message: string, details: TmpWarningDetails) => void

interface PinoLike {
  warn(details: object, message: string): void
}

const hasLog = (context: object): context is { log: PinoLike } => {
  const log = (context as { log?: { warn?: unknown } }).log
  return typeof log?.warn === 'function'
}

/** The default: `process.emitWarning` (stderr, so CloudWatch), type `SluiceTmpWarning`. */
const emitTmpWarning: TmpWarnFn = function emitTmpWarning(message, { code }) {
  process.emitWarning(message, { type: 'SluiceTmpWarning', code })
}

/**
 * The warn function for one invocation: the `warn` option if given, else the invocation's `context.log`
 * (@sluice/logger's pino child: `log.warn(details, message)`), else `process.emitWarning`.
 *
 * @example
 * warnerFor(undefined, request.context)('2 stray files', { code: 'TMP_STRAYS', paths })
 */
export function warnerFor(option: TmpWarnFn | undefined, context: object): TmpWarnFn {
  if (option) return option
  if (hasLog(context)) {
    const log = context.log
    return function logTmpWarning(message, details) {
      log.warn(details, message)
    }
  }
  return emitTmpWarning
}
