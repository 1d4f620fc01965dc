import { type Clock, systemClock } from '@sluice/core'
import { SluiceRuntimeError } from '../errors.ts'
import type { SourceTime } from './source-types.ts'

/**
 * A {@link SourceTime} on `clock`, running `timeScale` times faster than it.
 *
 * @example
 * const time = sourceTime({ timeScale: 60 }) // one Lambda minute per real second
 * time.after(60_000, () => console.log('a minute later in Lambda time'))
 */
export function sourceTime(
  options: { readonly timeScale?: number; readonly clock?: Clock } = {},
): SourceTime {
  const timeScale = options.timeScale ?? 1
  if (typeof timeScale !== 'number' || !Number.isFinite(timeScale) || timeScale <= 0)
    throw new SluiceRuntimeError(
      'EVENT_SOURCE_INVALID_OPTION',
      `timeScale must be a positive finite number (got ${String(timeScale)}): 100 makes a 30 s visibility timeout pass in 300 ms`,
    )
  const clock = options.clock ?? systemClock
  const origin = clock.now()
  const after = (lambdaMs: number, callback: () => void): (() => void) => {
    const handle = clock.setTimeout(callback, Math.max(0, lambdaMs) / timeScale)
    return () => clock.clearTimeout(handle)
  }
  return {
    timeScale,
    now: () => origin + (clock.now() - origin) * timeScale,
    after,
    wait: (lambdaMs, signal) =>
      new Promise<void>((resolve, reject) => {
        if (signal?.aborted) return reject(signal.reason)
        const onAbort = () => {
          cancel()
          reject(signal?.reason)
        }
        const cancel = after(lambdaMs, () => {
          signal?.removeEventListener('abort', onAbort)
          resolve()
        })
        signal?.addEventListener('abort', onAbort, { once: true })
      }),
  }
}
