// The handler half of the Managed Instances tests' overlap check: each invocation says how many invocations its
// worker thread was running when it started, and the test (peakInFlightAtStart in ./managed-instances.ts) looks
// for 2 or more. Module state is per worker thread, so a counter made at a fixture's module scope counts one
// worker's invocations.

/**
 * A counter of the invocations in flight on this worker: `track(run)` counts one in while `run` runs and hands
 * `run` the count at its start.
 *
 * @example
 * const track = inFlightCounter() // at module scope: one per worker
 * export const handler = lambda().handler(() => track(async (inFlightAtStart) => ({ inFlightAtStart })))
 */
export const inFlightCounter = () => {
  let inFlight = 0
  return async function track<T>(run: (inFlightAtStart: number) => Promise<T>): Promise<T> {
    inFlight += 1
    try {
      return await run(inFlight)
    } finally {
      inFlight -= 1
    }
  }
}
