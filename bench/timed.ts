import { measure } from 'mitata'
import type { Profile } from './profile.ts'
import type { Measurement, Subject, TimedGroup } from './types.ts'

/**
 * Times a group's subjects in rounds: each round measures every subject once with mitata (average time per call
 * over at least `profile.cpuTimeNs`), in turns, and the order flips every round so that no subject always runs
 * right after another one's garbage. One value (ops/s) per subject per round.
 *
 * @example
 * const [bare, sluice] = await timeRounds(group, profiles.quick)
 */
export async function timeRounds(group: TimedGroup, profile: Profile): Promise<Measurement[]> {
  const rounds = new Map<Subject, number[]>(group.subjects.map(({ subject }) => [subject, []]))
  for (let round = 0; round < profile.rounds; round++) {
    const order = round % 2 === 0 ? group.subjects : [...group.subjects].reverse()
    for (const { subject, fn } of order) {
      const stats = await measure(fn, { min_cpu_time: profile.cpuTimeNs })
      rounds.get(subject)?.push(1e9 / stats.avg)
    }
  }
  return group.subjects.map(({ subject }) => ({ subject, rounds: rounds.get(subject) ?? [] }))
}
