/** Lambda on-demand prices used for estimates (USD). */
export interface Prices {
  /** Price of one request. */
  readonly requestUsd: number
  /** Price of one GB-second of billed duration. */
  readonly gbSecondUsd: number
}

/** us-east-1 x86_64 list prices: $0.20 per million requests and $0.0000166667 per GB-second. */
export const DEFAULT_PRICES: Prices = { requestUsd: 0.0000002, gbSecondUsd: 0.0000166667 }

/**
 * Billed GB-seconds of one invocation: memory in GB × billed duration in seconds.
 *
 * @example
 * gbSeconds(1024, 1000) // 1
 */
export function gbSeconds(memoryMb: number, billedDurationMs: number): number {
  return (memoryMb / 1024) * (billedDurationMs / 1000)
}

/**
 * Estimated cost with the documented formula: requests × request price + GB-s × GB-s price.
 *
 * @example
 * estimateCost({ requests: 1, gbSeconds: 0.125 }) // 0.0000002 + 0.125 × 0.0000166667
 */
export function estimateCost(
  usage: { requests: number; gbSeconds: number },
  prices = DEFAULT_PRICES,
): number {
  return usage.requests * prices.requestUsd + usage.gbSeconds * prices.gbSecondUsd
}
