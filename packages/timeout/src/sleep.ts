import { type Clock, systemClock } from '@sluice/core'
import { timeoutOptions } from './options.ts'
import { timeoutReason } from './with-deadline.ts'

/**
 * Options of {@link sleep}.
 *
 * @example
 * const options: SleepOptions = { signal: context.timeout.signal }
 */
export interface SleepOptions {
  /** Stops the wait: `sleep` rejects with a `TimeoutError` (the signal's reason when it is one). */
  readonly signal?: AbortSignal
  /** Clock and timers (core's `Clock`); default `systemClock`. */
  readonly clock?: Clock
}

/**
 * Waits `ms`, or rejects with a `TimeoutError` as soon as `signal` aborts; its timer is cleared on abort and
 * its listener removed when the time is up, so neither outlives the wait.
 *
 * @example
 * for (const page of pages) {
 *   await sleep(200, { signal: context.timeout.signal }) // back off between calls, stop at the deadline
 *   await send(page)
 * }
 */
export const sleep = (ms: number, { signal, clock = systemClock }: SleepOptions = {}): Promise<void> =>
  new Promise<void>(function sleepUntil(resolve, reject) {
    timeoutOptions.number('ms', ms, { min: 0 })
    if (signal?.aborted) return reject(timeoutReason(signal))
    const onAbort = () => {
      clock.clearTimeout(handle)
      reject(timeoutReason(signal as AbortSignal))
    }
    const handle = clock.setTimeout(() => {
      signal?.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    signal?.addEventListener('abort', onAbort, { once: true })
  })
