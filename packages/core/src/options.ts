/**
 * What a numeric option must be. Every number must be finite; the rest narrows it further.
 *
 * @example
 * const rule: NumberRule = { integer: true, min: 1 } // a count
 */
export interface NumberRule {
  /** Whole numbers only (counts, sizes in bytes, durations in whole ms). */
  readonly integer?: boolean
  /** Smallest allowed value, inclusive. */
  readonly min?: number
  /** Largest allowed value, inclusive. */
  readonly max?: number
  /** Values must be greater than this (a share that may not be 0, a size that may not be 0). */
  readonly above?: number
  /** Values must be less than this. */
  readonly below?: number
}

/**
 * Builds the package's own error for a refused option: each package passes one that throws its `SluiceError`
 * subclass with its `*_INVALID_OPTION` code and `path: [option]`, so `instanceof TmpError` and the code both hold.
 *
 * @example
 * const fail: OptionFailure = (message, option) =>
 *   new TmpError(message, { code: 'TMP_INVALID_OPTION', path: [option] })
 */
export type OptionFailure = (message: string, option: string, value: unknown) => Error

/**
 * The message of a refused option: it names the option, what it must be and the value given.
 *
 * @example
 * invalidOptionMessage('maxBytes', Number.NaN, 'a whole number ≥ 1')
 * // 'Invalid option `maxBytes`: pass a whole number ≥ 1, got NaN'
 */
export const invalidOptionMessage = (option: string, value: unknown, expected: string): string =>
  `Invalid option \`${option}\`: pass ${expected}, got ${describeValue(value)}`

/**
 * A value as an error message shows it: strings quoted and shortened, `NaN`, `-Infinity`, `-0` and bigints
 * spelled as in code, objects by their kind.
 *
 * @example
 * describeValue(Number.NaN) // 'NaN'
 * describeValue('abc') // '"abc"'
 */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value)
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : String(value)
  if (typeof value === 'bigint') return `${value}n`
  if (value === null || typeof value !== 'object')
    return typeof value === 'function' ? 'a function' : String(value)
  return Array.isArray(value) ? 'an array' : 'an object'
}

/** The rule as words: "a whole number ≥ 1", "a finite number > 0 and < 1". */
function expectedOf(rule: NumberRule): string {
  const bounds = [
    rule.min === undefined ? undefined : `≥ ${rule.min}`,
    rule.above === undefined ? undefined : `> ${rule.above}`,
    rule.max === undefined ? undefined : `≤ ${rule.max}`,
    rule.below === undefined ? undefined : `< ${rule.below}`,
  ].filter((bound) => bound !== undefined)
  const kind = rule.integer === true ? 'a whole number' : 'a finite number'
  return bounds.length === 0 ? kind : `${kind} ${bounds.join(' and ')}`
}

/** True when `value` is a number that satisfies `rule`. */
function satisfies(value: unknown, rule: NumberRule): value is number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return false
  if (rule.integer === true && !Number.isInteger(value)) return false
  if (rule.min !== undefined && value < rule.min) return false
  if (rule.max !== undefined && value > rule.max) return false
  if (rule.above !== undefined && value <= rule.above) return false
  return rule.below === undefined || value < rule.below
}

/**
 * One package's option checks, all throwing the error `fail` builds. Create it once per package; call it where
 * options are resolved (construction time, so a bad option fails at INIT, not on the first request).
 *
 * @example
 * const options = optionChecks((message, option) => new TmpError(message, { code: 'TMP_INVALID_OPTION', path: [option] }))
 * const maxBytes = options.number('maxBytes', input.maxBytes ?? 1024, { integer: true, min: 1 })
 * options.check(typeof input.dir === 'string', 'dir', input.dir, 'pass a directory name')
 */
export function optionChecks(fail: OptionFailure): OptionChecks {
  const refuse = (option: string, value: unknown, expected: string) =>
    fail(invalidOptionMessage(option, value, expected), option, value)
  return {
    number(option, value, rule = {}) {
      if (!satisfies(value, rule)) throw refuse(option, value, expectedOf(rule))
      return value
    },
    optionalNumber(option, value, rule = {}) {
      if (value === undefined) return undefined
      if (!satisfies(value, rule)) throw refuse(option, value, expectedOf(rule))
      return value
    },
    check(ok, option, value, expected) {
      if (!ok) throw refuse(option, value, expected)
    },
  }
}

/** What {@link optionChecks} returns. */
export interface OptionChecks {
  /** Returns `value` when it is a number that satisfies `rule`; throws the package's option error otherwise. */
  number(option: string, value: unknown, rule?: NumberRule): number
  /** Like {@link OptionChecks.number}, but `undefined` passes through (an option left out). */
  optionalNumber(option: string, value: unknown, rule?: NumberRule): number | undefined
  /** Throws the package's option error naming `option`, `value` and what was `expected` (“a function”) unless `ok`. */
  check(ok: boolean, option: string, value: unknown, expected: string): void
}
