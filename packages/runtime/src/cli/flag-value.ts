import { SluiceRuntimeError } from '../errors.ts'

/**
 * What a numeric flag accepts, and the words and example its error message uses.
 *
 * @example
 * const rule: FlagRule = { flag: '--count', min: 1, max: 1000, expected: 'a whole number from 1 to 1000', example: '10' }
 */
export interface FlagRule {
  /** `--memory` */
  readonly flag: string
  readonly min: number
  readonly max: number
  /** What a valid value is, e.g. `a whole number of MB from 128 to 10240`. */
  readonly expected: string
  /** A valid value to show, e.g. `512`. */
  readonly example: string
}

/**
 * Reads a whole-number flag (digits only: no sign, fraction, exponent or hex), `fallback` when absent; anything else
 * throws `INVALID_ARGUMENT` naming the flag, what it takes and a valid value.
 *
 * @example
 * wholeNumberFlag('512', 128, { flag: '--memory', min: 128, max: 10240, expected: 'a whole number of MB from 128 to 10240', example: '512' }) // 512
 */
export function wholeNumberFlag(raw: string | undefined, fallback: number, rule: FlagRule): number {
  if (raw === undefined) return fallback
  const value = /^\d+$/.test(raw) ? Number(raw) : Number.NaN
  return inRange(value, raw, rule)
}

/**
 * Reads a duration flag: milliseconds (`3000`, `3000ms`) or seconds (`3s`, `1.5s`), rounded to whole ms and checked
 * against the rule's range in ms; `fallback` when absent.
 *
 * @example
 * durationFlag('30s', 3000, { flag: '--timeout', min: 1000, max: 900000, expected: 'from 1s to 900s', example: '30s' }) // 30000
 */
export function durationFlag(raw: string | undefined, fallback: number, rule: FlagRule): number {
  if (raw === undefined) return fallback
  const match = /^(\d+(?:\.\d+)?)(ms|s)?$/.exec(raw)
  const value = match?.[1] === undefined ? Number.NaN : Number(match[1]) * (match[2] === 's' ? 1000 : 1)
  return inRange(Math.round(value), raw, rule)
}

/**
 * Reads `--time-scale`: a positive decimal number of Lambda seconds per real second, `undefined` when absent;
 * anything else throws `INVALID_ARGUMENT` showing `example`.
 *
 * @example
 * timeScaleFlag('600', '600') // 600
 */
export function timeScaleFlag(raw: string | undefined, example: string): number | undefined {
  if (raw === undefined) return undefined
  const value = /^\d+(\.\d+)?$/.test(raw) ? Number(raw) : Number.NaN
  if (value > 0 && Number.isFinite(value)) return value
  throw new SluiceRuntimeError(
    'INVALID_ARGUMENT',
    `--time-scale must be a positive number of Lambda seconds per real second, e.g. --time-scale ${example} (got ${JSON.stringify(raw)})`,
  )
}

function inRange(value: number, raw: string, rule: FlagRule): number {
  if (Number.isInteger(value) && value >= rule.min && value <= rule.max) return value
  throw new SluiceRuntimeError(
    'INVALID_ARGUMENT',
    `${rule.flag} must be ${rule.expected}, e.g. ${rule.flag} ${rule.example} (got ${JSON.stringify(raw)})`,
  )
}
