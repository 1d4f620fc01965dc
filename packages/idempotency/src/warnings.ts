/**
 * Codes of the process warnings `@sluice/idempotency` gives (type `SluiceIdempotencyWarning`). Neither fails the
 * invocation: the handler already ran, and failing now would only bring a retry that cannot be answered either.
 * - `IDEMPOTENCY_RESULT_TOO_LARGE`: the record was completed without the result (over the store's item limit);
 * - `IDEMPOTENCY_CLAIM_LOST`: the invocation outlived its claim (its in-progress expiry passed) and another
 *   invocation took the key over; this one's complete or release left that invocation's record alone.
 */
export type IdempotencyWarningCode = 'IDEMPOTENCY_RESULT_TOO_LARGE' | 'IDEMPOTENCY_CLAIM_LOST'

/**
 * Gives a warning through `process.emitWarning` (stderr, so CloudWatch), with its code.
 *
 * @example
 * process.on('warning', (warning) => {
 *   if ((warning as { code?: string }).code === 'IDEMPOTENCY_CLAIM_LOST') metrics.count('claim-lost')
 * })
 */
export function emitIdempotencyWarning(message: string, code: IdempotencyWarningCode): void {
  process.emitWarning(message, { type: 'SluiceIdempotencyWarning', code })
}

/**
 * The message of `IDEMPOTENCY_CLAIM_LOST`: which key, what this invocation did, and what to change.
 *
 * @example
 * emitIdempotencyWarning(claimLostMessage('orders#abc', 'complete'), 'IDEMPOTENCY_CLAIM_LOST')
 */
export function claimLostMessage(key: string, operation: 'complete' | 'release'): string {
  const outcome =
    operation === 'complete'
      ? 'its result was returned to its caller but not stored'
      : 'its failure did not free the key'
  return (
    `The invocation outlived its claim on idempotency key ${key}: its in-progress expiry passed and another ` +
    `invocation took the key over, so ${outcome}, and the record of the invocation that holds the key was left ` +
    'alone. The handler may have run twice: give it the invocation context (its deadline), raise ' +
    'inProgressTimeoutMs above the longest run, or make the work end before the deadline.'
  )
}
