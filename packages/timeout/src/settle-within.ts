import { type Clock, isThenable } from '@sluice/core'

/**
 * What {@link settleWithin} saw: errors thrown or rejected, and how many were still running at the bound.
 *
 * @example
 * const { errors, unfinished }: Settled = await settleWithin(cleanups, until, clock)
 */
export interface Settled {
  readonly errors: unknown[]
  readonly unfinished: number
}

/**
 * Calls every function at once and waits for what they return, but not past `until` (epoch ms on `clock`).
 * Never rejects: a cleanup that fails must not stop the others, nor the timeout response. The bound's timer
 * is cleared as soon as everything settled, so nothing outlives the invocation.
 *
 * @example
 * const { errors, unfinished } = await settleWithin([() => db.close()], deadline - 250, systemClock)
 */
export const settleWithin = async (
  fns: Iterable<() => unknown>,
  until: number,
  clock: Clock,
): Promise<Settled> => {
  const errors: unknown[] = []
  const pending: Promise<void>[] = []
  let running = 0
  const done = () => {
    running -= 1
  }
  const failed = (error: unknown) => {
    errors.push(error)
    done()
  }
  for (const fn of fns) {
    try {
      const result = fn()
      if (!isThenable(result)) continue
      running += 1
      pending.push(Promise.resolve(result).then(done, failed))
    } catch (error) {
      errors.push(error)
    }
  }
  const ms = until - clock.now()
  if (pending.length === 0 || ms <= 0) return { errors, unfinished: running }
  let handle: unknown
  const bound = new Promise<void>((resolve) => {
    handle = clock.setTimeout(resolve, ms)
  })
  await Promise.race([Promise.all(pending), bound])
  clock.clearTimeout(handle)
  return { errors, unfinished: running }
}
