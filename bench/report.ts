import { compare } from './settle.ts'
import { summarize } from './stats.ts'
import { type BenchRow, higherIsBetter, type Measurement, type Target, type Unit } from './types.ts'

/** A group's rows as the runner prints and writes them. */
export interface GroupReport {
  readonly rows: readonly BenchRow[]
  /** Table cells, one list per row, in the order of {@link columns}. */
  readonly cells: readonly (readonly string[])[]
}

/** The table's columns; the last two only show when a selected group filled them. */
export const columns = [
  'group',
  'subject',
  'median',
  'per op',
  'spread (rounds)',
  'sluice vs this (IQR)',
  'target',
  'verdict',
  'bytes',
  'detail',
] as const

const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })

/** A value in its unit, short enough for a column. */
export function formatValue(value: number, unit: Unit): string {
  if (unit === 'ms') return `${fmt(value, 1)} ms`
  if (unit === 'bytes') {
    if (value < 10_000) return `${fmt(value)} B`
    if (value < 1e6) return `${fmt(value / 1000, 1)} kB`
    return `${fmt(value / 1e6, 1)} MB`
  }
  return `${fmt(value)} ${unit}`
}

const perOp = (value: number, unit: Unit) => {
  if (unit !== 'ops/s' && unit !== 'inv/s') return ''
  const ns = 1e9 / value
  return ns < 1000 ? `${fmt(ns, 1)} ns` : ns < 1e6 ? `${fmt(ns / 1000, 2)} µs` : `${fmt(ns / 1e6, 2)} ms`
}

/**
 * Turns a group's measurements into rows: each subject's median and spread (interquartile range of its rounds
 * as a share of the median), and for each anchor the per-round "sluice vs this" ratio and its target's verdict.
 *
 * @example
 * const { rows, cells } = groupReport('core: 0 no-op middlewares', 'ops/s', measurements, targets)
 */
export function groupReport(
  group: string,
  unit: Unit,
  measurements: readonly Measurement[],
  targets: readonly Target[] = [],
): GroupReport {
  const sluice = measurements.find((m) => m.subject === 'sluice')
  const rows: BenchRow[] = []
  const cells: string[][] = []
  for (const m of measurements) {
    if (m.rounds.length === 0) throw new Error(`${group}: ${m.subject} has no rounds`)
    const own = summarize(m.rounds)
    const versus =
      sluice && m.subject !== 'sluice'
        ? compare(unit, sluice.rounds, m.rounds, m.subject, targets)
        : undefined
    const spread = (own.q3 - own.q1) / own.median
    rows.push({
      group,
      subject: m.subject,
      unit,
      median: own.median,
      ...(higherIsBetter(unit) ? { opsPerSec: own.median } : {}),
      rounds: m.rounds,
      spread,
      ...(versus ? { ratio: versus.ratio } : {}),
      ...(versus?.target ? { target: versus.target } : {}),
      ...(versus?.verdict ? { verdict: versus.verdict } : {}),
    })
    cells.push([
      group,
      m.subject,
      formatValue(own.median, unit),
      perOp(own.median, unit),
      `${fmt(spread * 100)}% (${m.rounds.length})`,
      versus
        ? `${versus.ratio.median.toFixed(2)}× (${versus.ratio.q1.toFixed(2)}–${versus.ratio.q3.toFixed(2)})`
        : '',
      versus?.target ?? '',
      versus?.verdict === 'missed' ? 'MISSED' : (versus?.verdict ?? ''),
      m.bytes === undefined ? '' : fmt(m.bytes),
      m.detail ?? '',
    ])
  }
  return { rows, cells }
}

/**
 * Prints rows as an aligned table: numbers right-aligned, a group's name only on its first row, and the bytes
 * and detail columns only when some row has them.
 *
 * @example
 * printTable(reports.flatMap((r) => r.cells))
 */
export function printTable(lines: readonly (readonly string[])[]): void {
  const shown = columns.map((_, i) => i < 8 || lines.some((line) => (line[i] ?? '') !== ''))
  const widths = columns.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)))
  const left = new Set([0, 1, 6, 7, 9])
  const print = (cells: readonly string[]) =>
    console.log(
      cells
        .map((c, i) => (left.has(i) ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
        .filter((_, i) => shown[i])
        .join('  ')
        .trimEnd(),
    )
  print(columns)
  print(widths.map((w) => '-'.repeat(w)))
  let previous = ''
  for (const line of lines) {
    print(line[0] === previous ? ['', ...line.slice(1)] : line)
    previous = line[0] ?? ''
  }
}
