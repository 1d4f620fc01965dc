import type { TmpWarnFn, TmpWarningDetails } from '../src/warn.ts'

/**
 * A warn function that records what it was given.
 *
 * @example
 * const { warn, warnings } = recorder()
 * tmp({ warn }) // warnings then lists every warning, with its message
 */
export function recorder(): { warn: TmpWarnFn; warnings: Array<TmpWarningDetails & { message: string }> } {
  const warnings: Array<TmpWarningDetails & { message: string }> = []
  return {
    warnings,
    warn: (message, details) => {
      warnings.push({ ...details, message })
    },
  }
}
