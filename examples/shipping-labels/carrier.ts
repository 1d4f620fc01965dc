import { setTimeout as sleep } from 'node:timers/promises'
import { log } from './log.ts'

/** A carrier's rate card: cents per parcel by service level. */
export type RateCard = Readonly<Record<'standard' | 'express', number>>

/**
 * Loads the rate card. In production this is a call to the carrier's API; here a fixed card after a short wait, so
 * the demo shows it runs once per worker thread, not once per invocation.
 *
 * @example
 * const card = await loadRates() // { standard: 495, express: 1290 }
 */
export const loadRates = async (): Promise<RateCard> => {
  await sleep(50)
  log.info('rate card loaded') // INIT of this worker's first caller: no request fields
  return { standard: 495, express: 1290 }
}

/**
 * Books the parcel with the carrier and returns its tracking number. The carrier answers in about 250 ms: on
 * Managed Instances the environment takes other invocations meanwhile instead of waiting.
 *
 * @example
 * const tracking = await bookParcel('ord-1', AbortSignal.timeout(1000))
 */
export const bookParcel = async (orderId: string, signal: AbortSignal): Promise<string> => {
  await sleep(250, undefined, { signal })
  const tracking = `1Z${orderId.replace(/\W/g, '').toUpperCase()}`
  // A module-scope logger, deep in a helper: the line still carries the request id of the invocation it runs for.
  log.info({ orderId, tracking }, 'carrier booked the parcel')
  return tracking
}
