import { IdempotencyError } from './errors.ts'

/**
 * Throws `IDEMPOTENCY_INVALID_OPTION` unless `value` is a whole number ≥ `min`: bad sizes and durations fail
 * when the store or middleware is created (INIT), not on the first request.
 *
 * @example
 * positiveInteger('maxEntries', 0) // throws
 */
export function positiveInteger(name: string, value: number, min = 1): number {
  if (!Number.isInteger(value) || value < min) {
    throw new IdempotencyError(`${name} must be a whole number ≥ ${min}, got ${value}`, {
      code: 'IDEMPOTENCY_INVALID_OPTION',
      path: [name],
    })
  }
  return value
}
