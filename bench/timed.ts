import type { Profile } from './profile.ts'
import { inTurn } from './turns.ts'
import type { Measurement, Subject, TimedGroup } from './types.ts'

/** Calls at most per batch between two clock reads: enough that reading the clock costs nothing measurable. */
const maxBatch = 4096

/**
 * Calls `fn` in batches, one after another (a promise is awaited before the next call; a plain value is not), until
 * `budgetNs` has passed; returns calls per second. The batch doubles from 1, so a slow subject (a network round
 * trip) still reads the clock often enough to stop near its budget.
 */
async function slice(fn: () => unknown, budgetNs: number): Promise<number> {
  const started = process.hrtime.bigint()
  let calls = 0
  let batch = 1
  for (;;) {
    for (let i = 0; i < batch; i++) {
      const result = fn()
      if (result instanceof Promise) await result
    }
    calls += batch
    const elapsed = Number(process.hrtime.bigint() - started)
    if (elapsed >= budgetNs) return (calls * 1e9) / elapsed
    batch = Math.min(batch * 2, maxBatch)
  }
}

/**
 * Times a group's subjects in rounds: the subjects first run two unmeasured rounds (warm-up: the JIT,
 * caches, connections), then each round times every subject for `profile.sliceNs` in turns, the order flipping every round
 * so that no subject always runs right after another one's garbage. One value (ops/s) per subject per round.
 * Plain awaited calls, not mitata: on these async subjects (timers, promises) mitata's per-round averages of the
 * same code varied by up to 4× between rounds, where short interleaved slices agree within a few per cent.
 *
 * @example
 * const [bare, sluice] = await timeRounds(group, profiles.quick)
 */
export async function timeRounds(group: TimedGroup, profile: Profile): Promise<Measurement[]> {
  const rounds = new Map<Subject, number[]>(group.subjects.map(({ subject }) => [subject, []]))
  const sliceNs = profile.sliceNs * (group.sliceScale ?? 1)
  // Warm-up: two unmeasured rounds. One slice was not enough for the first group of a run: its first rounds ran
  // up to 10× slower than the rest while the JIT (and whatever the groups' imports left running) settled.
  for (let round = 0; round < 2; round++) {
    for (const { fn } of group.subjects) await slice(fn, sliceNs)
  }
  for (let round = 0; round < profile.timedRounds; round++) {
    for (const { subject, fn } of inTurn(group.subjects, round))
      rounds.get(subject)?.push(await slice(fn, sliceNs))
  }
  return group.subjects.map(({ subject }) => ({ subject, rounds: rounds.get(subject) ?? [] }))
}
