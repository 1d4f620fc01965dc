/** The q-quantile (0 ≤ q ≤ 1) of a non-empty list, linearly interpolated between the sorted values. */
export const quantile = (values: readonly number[], q: number): number => {
  if (values.length === 0) throw new RangeError('quantile of an empty list')
  const sorted = [...values].sort((a, b) => a - b)
  const at = (sorted.length - 1) * q
  const below = Math.floor(at)
  const low = sorted[below] ?? Number.NaN
  const high = sorted[Math.min(below + 1, sorted.length - 1)] ?? low
  return low + (high - low) * (at - below)
}

/** The median of a non-empty list. */
export const median = (values: readonly number[]): number => quantile(values, 0.5)

/** Median and quartiles of a list: where it sits and how wide its middle half is. */
export interface Summary {
  readonly median: number
  readonly q1: number
  readonly q3: number
}

/**
 * Median and interquartile range. With few rounds the quartiles are interpolated (3 rounds: halfway between the
 * middle value and each end), so one wild round moves them only half as far as it would move the min or max.
 *
 * @example
 * summarize([10, 11, 12, 30]) // { median: 11.5, q1: 10.75, q3: 16.5 }
 */
export const summarize = (values: readonly number[]): Summary => ({
  median: quantile(values, 0.5),
  q1: quantile(values, 0.25),
  q3: quantile(values, 0.75),
})
