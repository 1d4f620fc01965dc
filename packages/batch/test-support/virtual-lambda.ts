import { createClock, createContext, type VirtualClock } from '@sluice/testing'
import type { Context } from 'aws-lambda'

/**
 * A virtual clock at 0 and a Lambda context with `timeoutMs` counting down on it.
 *
 * @example
 * const { clock, context } = virtualLambda(1_000)
 * await clock.advance(400) // context.getRemainingTimeInMillis() is now 600
 */
export const virtualLambda = (timeoutMs = 1_000): { clock: VirtualClock; context: Context } => {
  const clock = createClock(0)
  return { clock, context: createContext({ clock, timeoutMs }) }
}
