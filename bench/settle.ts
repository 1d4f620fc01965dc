import { type Summary, summarize } from './stats.ts'
import { type BenchRow, higherIsBetter, type Subject, type Target, type Unit, type Verdict } from './types.ts'

/**
 * Where a row stands against a target. It is *settled* when the interquartile range of its per-round values is
 * narrower than its median's distance from the target: the rounds agree on which side of the target it is.
 * Only a settled row is `met` or `missed`; the others are `unsettled` (more rounds, or a quieter machine).
 *
 * @example
 * verdict({ median: 1.31, q1: 1.27, q3: 1.36 }, 1.2, 'higher') // 'met'
 * verdict({ median: 1.22, q1: 1.1, q3: 1.3 }, 1.2, 'higher')   // 'unsettled'
 */
export function verdict(summary: Summary, target: number, better: 'higher' | 'lower'): Verdict {
  const settled = summary.q3 - summary.q1 < Math.abs(summary.median - target)
  if (!settled) return 'unsettled'
  const meets = better === 'higher' ? summary.median >= target : summary.median <= target
  return meets ? 'met' : 'missed'
}

/** An anchor's row next to sluice: the per-round ratio, and the verdict when the group sets a target for it. */
export interface Comparison {
  readonly ratio: Summary
  /** How the target reads in the table (`≥ 1.20×`, `≤ +2.0 µs: +8.4`). */
  readonly target?: string
  readonly verdict?: Verdict
}

const pairs = (a: readonly number[], b: readonly number[]) =>
  Array.from({ length: Math.min(a.length, b.length) }, (_, i) => [a[i] ?? 0, b[i] ?? 0] as const)

const micros = (ns: number) => `${ns >= 0 ? '+' : '−'}${(Math.abs(ns) / 1000).toFixed(1)} µs`

/**
 * Compares an anchor's rounds with sluice's, round by round (round i of both ran side by side), and checks the
 * group's target for that anchor. The ratio is oriented so that above 1 means sluice is better: sluice ÷ anchor
 * for throughput, anchor ÷ sluice for a cost (time, bytes).
 *
 * @example
 * compare('ops/s', [2e6, 2.1e6], [1e6, 1.1e6], 'powertools', [{ kind: 'ratio', against: 'powertools', atLeast: 1.2 }])
 */
export function compare(
  unit: Unit,
  sluice: readonly number[],
  anchor: readonly number[],
  subject: Subject,
  targets: readonly Target[] = [],
): Comparison {
  const higher = higherIsBetter(unit)
  const ratio = summarize(pairs(sluice, anchor).map(([s, a]) => (higher ? s / a : a / s)))
  const target = targets.find((t) => t.against === subject)
  if (target === undefined) return { ratio }
  if (target.kind === 'ratio') {
    return {
      ratio,
      target: `≥ ${target.atLeast.toFixed(2)}×`,
      verdict: verdict(ratio, target.atLeast, 'higher'),
    }
  }
  if (unit !== 'ops/s') throw new TypeError(`an overhead target needs an ops/s group, not ${unit}`)
  // time per operation, sluice minus anchor, per round
  const overhead = summarize(pairs(sluice, anchor).map(([s, a]) => 1e9 / s - 1e9 / a))
  return {
    ratio,
    target: `≤ ${micros(target.atMostNs)}: ${micros(overhead.median)}`,
    verdict: verdict(overhead, target.atMostNs, 'lower'),
  }
}

/** The rows of a run that have a target, by verdict, and whether `pnpm bench --check` fails the run. */
export interface Tally {
  readonly checked: readonly BenchRow[]
  readonly met: readonly BenchRow[]
  readonly missed: readonly BenchRow[]
  readonly unsettled: readonly BenchRow[]
  /** A settled miss fails `--check`; an unsettled row cannot, since it says nothing either way. */
  readonly checkFails: boolean
}

/**
 * Sorts a run's rows with a target by verdict (rows without one are shown, never checked).
 *
 * @example
 * const { met, missed, checkFails } = tally(rows)
 * if (values.check && checkFails) process.exitCode = 1
 */
export function tally(rows: readonly BenchRow[]): Tally {
  const checked = rows.filter((row) => row.verdict !== undefined)
  const missed = checked.filter((row) => row.verdict === 'missed')
  return {
    checked,
    met: checked.filter((row) => row.verdict === 'met'),
    missed,
    unsettled: checked.filter((row) => row.verdict === 'unsettled'),
    checkFails: missed.length > 0,
  }
}
