import type { StreamLimits } from './stream-limits.ts'

/** A token bucket over bytes: what it lets through now, and how long the rest must wait. */
export interface BandwidthThrottle {
  /** Takes `bytes` at `nowMs`; returns the ms to wait before they may pass (0: at once). */
  take(bytes: number, nowMs: number): number
  /** All the waiting handed out so far, in ms: how long the cap held the stream back. */
  readonly throttledMs: number
}

/**
 * Lambda's streaming bandwidth cap as its Runtime API shapes it: a bucket of `burstBytes` tokens, full at the
 * start (so the first `burstBytes` pass uncapped) and refilled at `bytesPerSecond`. A chunk larger than what is
 * left waits until the bucket has refilled enough to pay for it.
 *
 * @example
 * const throttle = createBandwidthThrottle({ burstBytes: 6 * MIB, bytesPerSecond: 2 * MIB }, performance.now())
 * const waitMs = throttle.take(chunk.length, performance.now())
 */
export function createBandwidthThrottle(
  limits: Pick<StreamLimits, 'burstBytes' | 'bytesPerSecond'>,
  startMs: number,
): BandwidthThrottle {
  const perMs = limits.bytesPerSecond / 1000
  let tokens = limits.burstBytes
  let refilledAt = startMs
  let throttledMs = 0
  return {
    take(bytes, nowMs) {
      tokens = Math.min(limits.burstBytes, tokens + Math.max(0, nowMs - refilledAt) * perMs)
      refilledAt = Math.max(refilledAt, nowMs)
      tokens -= bytes
      if (tokens >= 0) return 0
      const waitMs = -tokens / perMs
      // The wait pays the debt off: the bucket is empty when the bytes pass, and refills from then on.
      tokens = 0
      refilledAt += waitMs
      throttledMs += waitMs
      return waitMs
    },
    get throttledMs() {
      return throttledMs
    },
  }
}
