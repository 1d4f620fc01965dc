import type { Profile } from './profile.ts'

/**
 * Who a row measures: sluice, or an anchor measured beside it in the same group. `first run` is sluice itself on
 * the path a row is held against (an idempotency replay against a first run).
 */
export type Subject = 'sluice' | 'bare' | 'middy' | 'powertools' | 'pino' | 'first run'

/** What a group's values count, and which way is better. */
export type Unit = 'ops/s' | 'inv/s' | 'ms' | 'bytes'

/** Units where more is better (throughput); the others are costs (time, memory). */
export const higherIsBetter = (unit: Unit): boolean => unit === 'ops/s' || unit === 'inv/s'

/**
 * What a row must reach for `pnpm bench --check`, held against the row of the anchor `against`:
 * - `ratio`: "sluice vs this" (oriented so that above 1 means sluice is better) at least `atLeast`;
 * - `overhead`: sluice's time per operation minus the anchor's at most `atMostNs` nanoseconds (ops/s groups).
 *
 * @example
 * const targets: Target[] = [{ kind: 'ratio', against: 'powertools', atLeast: 1.2 }]
 */
export type Target =
  | { readonly kind: 'ratio'; readonly against: Subject; readonly atLeast: number }
  | { readonly kind: 'overhead'; readonly against: Subject; readonly atMostNs: number }

/** What every group declares besides how it measures. */
interface GroupBase {
  readonly name: string
  /** One line on what is measured, printed under the table. */
  readonly note?: string
  /** Targets from issue #19, one per anchor at most; rows without one are shown, never checked. */
  readonly targets?: readonly Target[]
}

/** One comparison the runner times in interleaved slices, in rounds: the same work done by sluice and by its anchors. */
export interface TimedGroup extends GroupBase {
  /** Slices this many times the profile's (`sliceNs`), for subjects whose calls take milliseconds. Default 1. */
  readonly sliceScale?: number
  readonly subjects: ReadonlyArray<{ readonly subject: Subject; readonly fn: () => unknown }>
}

/** What a {@link MeasuredGroup} found for one subject. */
export interface Measurement {
  readonly subject: Subject
  /**
   * One value per round, in the group's unit. Round i of every subject ran side by side with round i of the
   * others (interleaved), so per-round ratios pair values taken under the same machine load.
   */
  readonly rounds: readonly number[]
  /** Printed in the bytes column (cold start: bytes read at import). */
  readonly bytes?: number
  /** A few words printed in the detail column. */
  readonly detail?: string
}

/**
 * A comparison that cannot be a function called in a loop (a fresh process, a local runtime, a heap reading):
 * the group measures itself in rounds, only when selected, and hands the runner one {@link Measurement} per
 * subject.
 */
export interface MeasuredGroup extends GroupBase {
  readonly unit: Unit
  readonly measured: (profile: Profile) => Promise<ReadonlyArray<Measurement>>
}

/** What a `bench/groups/<name>.ts` file exports a list of. */
export type BenchGroup = TimedGroup | MeasuredGroup

/** A row of `pnpm bench --json <file>`. */
export interface BenchRow {
  readonly group: string
  readonly subject: Subject
  readonly unit: Unit
  /** Median of the rounds, in `unit`. */
  readonly median: number
  /** Kept for older readers of the file: the median, when the unit is ops/s or inv/s. */
  readonly opsPerSec?: number
  readonly rounds: readonly number[]
  /** Interquartile range of the rounds as a fraction of the median. */
  readonly spread: number
  /** sluice vs this subject, per-round median and interquartile range (anchors only). */
  readonly ratio?: { readonly median: number; readonly q1: number; readonly q3: number }
  readonly target?: string
  readonly verdict?: Verdict
}

/** Where a row stands against its target: `unsettled` when its spread is wider than its distance from it. */
export type Verdict = 'met' | 'missed' | 'unsettled'
