import { randomBytes } from 'node:crypto'

/**
 * The account id every fake ARN uses unless told otherwise (the one AWS documentation uses).
 *
 * @example
 * `arn:aws:sqs:us-east-1:${DEFAULT_ACCOUNT_ID}:orders`
 */
export const DEFAULT_ACCOUNT_ID = '123456789012'

/**
 * The region fakes use: `AWS_REGION` when set, as inside Lambda, else `us-east-1`.
 *
 * @example
 * process.env.AWS_REGION = 'eu-west-1'
 * defaultRegion() // 'eu-west-1'
 */
export function defaultRegion(): string {
  return process.env.AWS_REGION ?? 'us-east-1'
}

/**
 * `bytes` random bytes as lowercase hex, for ids AWS prints as hex (log streams, ETags).
 *
 * @example
 * randomHex(16) // '9f86d081884c7d659a2feaa0c55ad015'
 */
export function randomHex(bytes: number): string {
  return randomBytes(bytes).toString('hex')
}
