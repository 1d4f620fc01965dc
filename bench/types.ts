/** Who a row measures: sluice, or the anchor measured beside it in the same group. */
export type Subject = 'sluice' | 'bare' | 'middy' | 'powertools' | 'pino'

/** One comparison: the same work done by sluice and by its anchors. */
export interface BenchGroup {
  readonly name: string
  /** One line on what is measured, printed under the table. */
  readonly note?: string
  readonly subjects: ReadonlyArray<{ readonly subject: Subject; readonly fn: () => unknown }>
}

/** A row of `pnpm bench --json <file>`. */
export interface BenchRow {
  readonly group: string
  readonly subject: Subject
  readonly opsPerSec: number
}
