import { type NumberRule, optionChecks } from '@sluice/core'
import { IdempotencyError } from './errors.ts'

/**
 * The package's option checks (core's shared ones): each throws `IDEMPOTENCY_INVALID_OPTION` with
 * `path: [option]`, when the store or middleware is created (INIT), not on the first request.
 *
 * @example
 * optionCheck.check(typeof now === 'function', 'now', now, 'a function returning epoch milliseconds')
 */
export const optionCheck = optionChecks(
  (message, option) => new IdempotencyError(message, { code: 'IDEMPOTENCY_INVALID_OPTION', path: [option] }),
)

const TEN_YEARS_S = 10 * 365 * 86_400

// Upper bounds keep every expiry a safe integer that prints without an exponent (Redis headers, DynamoDB numbers).
const numberRules = {
  expiresAfterSeconds: { integer: true, min: 1, max: TEN_YEARS_S },
  inProgressTimeoutMs: { integer: true, min: 1, max: TEN_YEARS_S * 1000 },
  ttlMs: { integer: true, min: 1, max: TEN_YEARS_S * 1000 },
  // 2^24 is the most entries a V8 Map holds.
  maxEntries: { integer: true, min: 1, max: 2 ** 24 },
  // DynamoDB refuses items over 400 KB, so a larger limit could only fail after the handler ran.
  maxItemBytes: { integer: true, min: 1, max: 400 * 1024 },
} satisfies Record<string, NumberRule>

type NumericOption = keyof typeof numberRules

/**
 * Returns `value` when it satisfies the rule of the numeric option `option` (a whole number ≥ 1, bounded above);
 * otherwise throws `IDEMPOTENCY_INVALID_OPTION` naming the option. `NaN`, ±Infinity, negatives, fractions and
 * non-numbers are refused.
 *
 * @example
 * checkNumber('maxEntries', 0) // throws IDEMPOTENCY_INVALID_OPTION, path ['maxEntries']
 */
export const checkNumber = (option: NumericOption, value: unknown): number =>
  optionCheck.number(option, value, numberRules[option])
