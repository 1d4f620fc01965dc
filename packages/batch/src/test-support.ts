// Helpers for this package's tests only (not exported from index.ts).
import { createClock, createContext, type VirtualClock } from '@sluice/testing'
import type { Context } from 'aws-lambda'

/** A virtual clock at 0 and a Lambda context with `timeoutMs` counting down on it. */
export const virtualLambda = (timeoutMs = 1_000): { clock: VirtualClock; context: Context } => {
  const clock = createClock(0)
  return { clock, context: createContext({ clock, timeoutMs }) }
}

/** Resolves after `ms` of virtual time. */
export const after = (clock: VirtualClock, ms: number): Promise<void> =>
  new Promise((resolve) => {
    clock.setTimeout(resolve, ms)
  })

/** Rejects with `error` after `ms` of virtual time. */
export const failAfter = (clock: VirtualClock, ms: number, error: Error): Promise<never> =>
  new Promise((_, reject) => {
    clock.setTimeout(() => reject(error), ms)
  })

/** Never settles: a record stuck on a call that ignores its signal. */
export const hang = (): Promise<never> => new Promise<never>(() => {})

/**
 * Runs `start()` while virtual time moves `spanMs` forward, and says when (in virtual time) its promise settled.
 * Every timer due in the span fires in order, with promise work settled between timers.
 */
export const drive = async <T>(
  clock: VirtualClock,
  start: () => Promise<T>,
  spanMs = 10_000,
): Promise<{ value: T; settledAt: number }> => {
  let settledAt = Number.NaN
  const promise = start().finally(() => {
    settledAt = clock.now()
  })
  // a rejection is re-raised by the await below; this only keeps it from counting as unhandled meanwhile
  promise.catch(() => {})
  await clock.advance(spanMs)
  if (Number.isNaN(settledAt)) throw new Error(`still running after ${spanMs} ms of virtual time`)
  return { value: await promise, settledAt }
}

/** The identifiers reported, sorted, for order-free comparison. */
export const reported = (response: { batchItemFailures: Array<{ itemIdentifier: string }> }): string[] =>
  response.batchItemFailures.map((failure) => failure.itemIdentifier).sort()
