/** Who a row measures: sluice, or the anchor measured beside it in the same group. */
export type Subject = 'sluice' | 'bare' | 'middy' | 'powertools' | 'pino'

/** One comparison the runner times with mitata: the same work done by sluice and by its anchors. */
export interface TimedGroup {
  readonly name: string
  /** One line on what is measured, printed under the table. */
  readonly note?: string
  readonly subjects: ReadonlyArray<{ readonly subject: Subject; readonly fn: () => unknown }>
}

/** What a {@link MeasuredGroup} found for one subject. */
export interface MeasuredRow {
  readonly subject: Subject
  /** Operations per second, derived from what the group timed (cold start: 1000 / median import ms). */
  readonly opsPerSec: number
  /** Printed in the bytes column (cold start: bytes read at import). */
  readonly bytes?: number
  /** A few words printed in the detail column. */
  readonly detail?: string
}

/**
 * A comparison that cannot be a function called in a loop (a cold start is a fresh process): the group measures
 * itself, only when selected, and hands the runner its rows.
 */
export interface MeasuredGroup {
  readonly name: string
  readonly note?: string
  readonly measured: () => Promise<ReadonlyArray<MeasuredRow>>
}

/** What a `bench/groups/<name>.ts` file exports a list of. */
export type BenchGroup = TimedGroup | MeasuredGroup

/** A row of `pnpm bench --json <file>`. */
export interface BenchRow {
  readonly group: string
  readonly subject: Subject
  readonly opsPerSec: number
}
