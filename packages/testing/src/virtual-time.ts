import type { Clock, VirtualClock } from './clock.ts'
import { InvalidOptionError, TestingError } from './errors.ts'

/**
 * A promise that never settles: a call stuck on something that ignores its signal. Nothing keeps the process
 * alive for it (no timer, no handle), so a test that forgets it leaks nothing.
 *
 * @example
 * const stuck = processBatch(event, () => hang(), { context }) // the record never finishes
 */
export const hang = (): Promise<never> => new Promise<never>(function neverSettles() {})

/**
 * Resolves after `ms` on `clock` (with `value`, if given). On a virtual clock it settles during the
 * `advance()` that reaches it; on any other clock (core's `systemClock`, a clock of your own), when its timer fires.
 *
 * @example
 * const clock = createClock(0)
 * const slow = after(clock, 300, 'done')
 * await clock.advance(300) // slow now resolves to 'done'
 */
export function after(clock: Clock, ms: number): Promise<void>
export function after<T>(clock: Clock, ms: number, value: T): Promise<T>
export function after<T>(clock: Clock, ms: number, value?: T): Promise<T | undefined> {
  checkSpan('ms', ms)
  return new Promise((resolve) => {
    clock.setTimeout(function afterFires() {
      resolve(value)
    }, ms)
  })
}

/**
 * What `drive` saw: the value the promise settled with, and the virtual time when it settled.
 *
 * @example
 * const { value, settledAt }: Driven<string> = await drive(clock, () => after(clock, 5, 'x'))
 */
export type Driven<T> = { value: T; settledAt: number }

/**
 * Runs `start()` while virtual time moves `spanMs` forward, and says when (in virtual time) its promise
 * settled. Every timer due in the span fires in order, with promise work settled between timers. A rejection
 * is re-raised; a promise still pending at the end of the span throws `TestingError` code `STILL_RUNNING`.
 *
 * @example
 * const clock = createClock(0)
 * const { value, settledAt } = await drive(clock, () => after(clock, 250, 'ok'), 1_000)
 * // value 'ok', settledAt 250, clock.now() 1000
 */
export async function drive<T>(
  clock: VirtualClock,
  start: () => Promise<T>,
  spanMs = 10_000,
): Promise<Driven<T>> {
  checkSpan('spanMs', spanMs)
  let settledAt = Number.NaN
  const promise = start().finally(function noteSettled() {
    settledAt = clock.now()
  })
  // a rejection is re-raised by the await below; this only keeps it from counting as unhandled meanwhile
  promise.catch(() => {})
  await clock.advance(spanMs)
  if (Number.isNaN(settledAt)) {
    throw new TestingError('STILL_RUNNING', `Still running after ${spanMs} ms of virtual time: drive longer`)
  }
  return { value: await promise, settledAt }
}

function checkSpan(path: string, ms: number): void {
  if (!Number.isFinite(ms) || ms < 0) {
    throw new InvalidOptionError(path, `needs a finite, non-negative duration in ms, got ${ms}`)
  }
}
