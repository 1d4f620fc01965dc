import { optionChecks } from '@sluice/core'
import { SluiceRuntimeError } from './errors.ts'

/**
 * What Lambda enforces on a streamed response (Lambda docs, "Response streaming"): at most 200 MB per response,
 * the first 6 MB at full speed, the rest at up to 2 MB/s. Lowered in tests so the limits show in kilobytes.
 *
 * @example
 * const limits: StreamLimits = { maxBytes: 64 * 1024, burstBytes: 8 * 1024, bytesPerSecond: 32 * 1024 }
 */
export interface StreamLimits {
  /** Largest response; one byte more fails the invocation with `Function.ResponseSizeTooLarge`. */
  readonly maxBytes: number
  /** Bytes read at full speed before the bandwidth cap applies (the token bucket's size). */
  readonly burstBytes: number
  /** The bandwidth cap after the burst. */
  readonly bytesPerSecond: number
}

const MIB = 1024 * 1024

/**
 * Lambda's limits for streamed responses: 200 MB, 6 MB uncapped, then 2 MB/s (MB as Lambda counts them, MiB).
 *
 * @example
 * STREAM_LIMITS.maxBytes // 209715200
 */
export const STREAM_LIMITS: StreamLimits = {
  maxBytes: 200 * MIB,
  burstBytes: 6 * MIB,
  bytesPerSecond: 2 * MIB,
}

const streamOptions = optionChecks((message) => new SluiceRuntimeError('RUNTIME_INVALID_OPTION', message))

/**
 * Lambda's limits with `overrides` on top; each must be a whole number ≥ 1, else `RUNTIME_INVALID_OPTION`.
 *
 * @example
 * resolveStreamLimits({ maxBytes: 1024 }) // { maxBytes: 1024, burstBytes: 6291456, bytesPerSecond: 2097152 }
 */
export function resolveStreamLimits(overrides: Partial<StreamLimits> = {}): StreamLimits {
  const limits = { ...STREAM_LIMITS, ...overrides }
  for (const name of ['maxBytes', 'burstBytes', 'bytesPerSecond'] as const) {
    streamOptions.number(`streamLimits.${name}`, limits[name], { integer: true, min: 1 })
  }
  return limits
}
