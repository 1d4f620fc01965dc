import { createClock, type VirtualClock } from '@sluice/testing'

/**
 * State shared by the test and every container's fixture module (only the handler module is evaluated again per
 * container; modules it imports are shared), so tests steer the fixtures and read what they did.
 *
 * @example
 * resetProbe(createClock(0))
 * probe.failFactory = 1 // the next factory run throws
 */
export const probe = {
  clock: createClock(0) as VirtualClock,
  /** What happened, in order: `init@<ms>`, `fetch <n> start@<ms>`, `invoke <n>@<ms>`, `warn <code>`. */
  log: [] as string[],
  factoryRuns: 0,
  /** The next this-many factory runs throw. */
  failFactory: 0,
  fetches: 0,
  /** While true, fetches fail. */
  fetchFails: false,
  /** Each fetch takes this long on the virtual clock. */
  fetchDelayMs: 0,
}

/**
 * Puts the probe back to its start state on `clock`.
 *
 * @example
 * beforeEach(() => resetProbe(createClock(0)))
 */
export function resetProbe(clock: VirtualClock): void {
  Object.assign(probe, {
    clock,
    log: [],
    factoryRuns: 0,
    failFactory: 0,
    fetches: 0,
    fetchFails: false,
    fetchDelayMs: 0,
  })
}
