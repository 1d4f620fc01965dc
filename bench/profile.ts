/** How long a run takes: `full` for numbers worth recording, `quick` (`pnpm bench --quick`) while developing. */
export interface Profile {
  readonly name: 'full' | 'quick'
  /** Rounds every measured row runs at least (memory, throughput); the spread is taken over them. */
  readonly rounds: number
  /** Rounds of a timed group (a function called in a loop): many short slices, interleaved. */
  readonly timedRounds: number
  /** Time per subject per round of a timed group, in ns. */
  readonly sliceNs: number
  /** Rounds of a cold-start row: fresh processes of every subject, in turns. */
  readonly processRounds: number
  /**
   * Fresh processes per subject in one cold-start round; the round's value is their median. One process's time
   * swings by up to a fifth on a 2-core machine, and the ratio of two single processes swung with it.
   */
  readonly processesPerRound: number
  /** Invocations per round in a heap reading (a case may scale it down when each one is a network round trip). */
  readonly heapInvocations: number
  /** Invocations per round of the Managed Instances throughput row. */
  readonly throughputInvocations: number
}

/**
 * The two run lengths. `full` takes about 6 minutes on a quiet 2-core machine (6.1 measured, more when the machine
 * is busy); `quick` (about a minute) runs every group with the fewest rounds that still
 * give a spread, to prove the groups work while developing.
 *
 * @example
 * const profile = profiles[values.quick ? 'quick' : 'full']
 */
export const profiles: Readonly<Record<Profile['name'], Profile>> = {
  full: {
    name: 'full',
    rounds: 5,
    timedRounds: 15,
    sliceNs: 60e6,
    processRounds: 15,
    processesPerRound: 3,
    heapInvocations: 400,
    throughputInvocations: 800,
  },
  quick: {
    name: 'quick',
    rounds: 3,
    timedRounds: 7,
    sliceNs: 20e6,
    processRounds: 5,
    processesPerRound: 1,
    heapInvocations: 100,
    throughputInvocations: 200,
  },
}
