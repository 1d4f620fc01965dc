import type { Prices } from '../cost.ts'
import type { Style } from './style.ts'
import type { RunSummary } from './summary.ts'
import { renderTable } from './table.ts'

/**
 * The end-of-run table: invocations, cold starts, errors, timeouts, duration percentiles, memory (flagged when
 * it went over the memory size), billed GB-seconds and estimated cost.
 *
 * @example
 * console.log(summaryTable(summarize(results), DEFAULT_PRICES, createStyle(false, {})))
 */
export function summaryTable(summary: RunSummary, prices: Prices, style: Style): string {
  const ms = (value: number) => `${value.toFixed(2)} ms`
  const cold =
    summary.coldStarts === 0
      ? '0'
      : `${summary.coldStarts} (init p50 ${ms(summary.initDurationMs.p50)}, max ${ms(summary.initDurationMs.max)})`
  const memory =
    summary.maxMemoryUsedMb > summary.memorySizeMb
      ? style.yellow(`${summary.maxMemoryUsedMb} MB, over the ${summary.memorySizeMb} MB memory size`)
      : `${summary.maxMemoryUsedMb} MB of ${summary.memorySizeMb} MB`
  return renderTable(
    [
      ['summary', ''],
      ['invocations', `${summary.invocations} on ${summary.containers} container(s)`],
      ['cold starts', cold],
      ['errors', String(summary.errors)],
      ['timeouts', String(summary.timeouts)],
      ['duration p50', ms(summary.durationMs.p50)],
      ['duration p95', ms(summary.durationMs.p95)],
      ['duration p99', ms(summary.durationMs.p99)],
      ['max memory used', memory],
      ['billed GB-s', summary.billedGbSeconds.toFixed(6)],
      [
        'estimated cost',
        `$${summary.estimatedCostUsd.toFixed(10)} ($${(prices.requestUsd * 1e6).toFixed(2)}/1M requests + $${prices.gbSecondUsd.toFixed(10)}/GB-s)`,
      ],
    ],
    { header: true },
  )
}
