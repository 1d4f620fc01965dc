import { TimeoutError } from './errors.ts'

/**
 * The signal's reason when it is a TimeoutError, else a TimeoutError caused by it.
 *
 * @example
 * timeoutReason(AbortSignal.abort('shutdown')).cause // 'shutdown'
 */
export const timeoutReason = (signal: AbortSignal): TimeoutError =>
  signal.reason instanceof TimeoutError ? signal.reason : new TimeoutError({ cause: signal.reason })

/**
 * Settles like `promise`, or rejects with a `TimeoutError` as soon as `signal` aborts — for work that takes
 * no signal of its own. The work itself keeps running (JS cannot cancel a promise); its late rejection is
 * caught, never unhandled. The abort listener is removed when the promise settles.
 *
 * @example
 * const rows = await withDeadline(legacyClient.query(sql), context.timeout.signal)
 */
export const withDeadline = <T>(promise: PromiseLike<T>, signal: AbortSignal): Promise<T> =>
  new Promise<T>(function raceDeadline(resolve, reject) {
    const onAbort = () => reject(timeoutReason(signal))
    if (signal.aborted) onAbort()
    else signal.addEventListener('abort', onAbort, { once: true })
    Promise.resolve(promise).then(
      (value) => {
        signal.removeEventListener('abort', onAbort)
        resolve(value)
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort)
        reject(error)
      },
    )
  })
