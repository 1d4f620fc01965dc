import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics'
import type { MetricsOptions } from '@aws-lambda-powertools/metrics/types'
import type { Reading } from './reading.ts'

/** Where Powertools Metrics writes its warnings: any `{ debug, info, warn, error }` logger, pino's included. */
export type WarningLogger = NonNullable<MetricsOptions['logger']>

interface Cell {
  readonly service: string
  readonly route: string
  readonly minute: number
  requests: number
  errors: number
  readonly latencies: number[]
}

const MINUTE_MS = 60_000
// Powertools publishes on its own when one metric reaches 100 values, and clears the dimensions as it does: a
// cell's latencies go out in lines of at most 99 values, each published here with its dimensions and timestamp.
const LATENCIES_PER_LINE = 99

/**
 * Aggregates readings per service, route and minute, in the order they are added, and publishes each cell through
 * Powertools Metrics as CloudWatch Embedded Metric Format: `Requests` and `Errors` (counts) and `Latency` (every
 * value, in ms), dimensions `Service` and `Route`, timestamped with the cell's minute.
 *
 * @example
 * const window = new MetricWindow('Shop')
 * window.add({ service: 'checkout', route: 'POST /orders', status: 201, latencyMs: 42, at: '2025-06-02T09:00:12Z' })
 * window.publish(context.log) // one EMF line on stdout: { _aws: {…}, Service: 'checkout', Requests: 1, … }
 */
export class MetricWindow {
  readonly #namespace: string
  readonly #cells = new Map<string, Cell>()
  #added = 0

  constructor(namespace: string) {
    this.#namespace = namespace
  }

  /** How many readings went in. */
  get added(): number {
    return this.#added
  }

  /** Counts one reading in its service, route and minute. */
  add(reading: Reading): void {
    const minute = Math.floor(Date.parse(reading.at) / MINUTE_MS) * MINUTE_MS
    const key = JSON.stringify([reading.service, reading.route, minute])
    let cell = this.#cells.get(key)
    if (cell === undefined) {
      cell = { service: reading.service, route: reading.route, minute, requests: 0, errors: 0, latencies: [] }
      this.#cells.set(key, cell)
    }
    cell.requests += 1
    if (reading.status >= 500) cell.errors += 1
    cell.latencies.push(reading.latencyMs)
    this.#added += 1
  }

  /**
   * Publishes every cell (one EMF line per cell, more for a cell with over 99 readings) and returns how many lines
   * were written. Powertools' own warnings (a timestamp CloudWatch would reject) go to `logger`.
   */
  publish(logger?: WarningLogger): number {
    // A Metrics instance per call: nothing stored outlives it, even with several invocations in flight.
    const metrics = new Metrics({ namespace: this.#namespace, ...(logger === undefined ? {} : { logger }) })
    // Readings name their own Service: no `service` dimension of this function on top.
    metrics.clearDefaultDimensions()
    let lines = 0
    for (const cell of this.#cells.values()) {
      for (let from = 0; from < cell.latencies.length; from += LATENCIES_PER_LINE) {
        metrics.setTimestamp(cell.minute)
        metrics.addDimensions({ Service: cell.service, Route: cell.route })
        if (from === 0) {
          metrics.addMetric('Requests', MetricUnit.Count, cell.requests)
          metrics.addMetric('Errors', MetricUnit.Count, cell.errors)
        }
        for (const latency of cell.latencies.slice(from, from + LATENCIES_PER_LINE)) {
          metrics.addMetric('Latency', MetricUnit.Milliseconds, latency)
        }
        metrics.publishStoredMetrics()
        lines += 1
      }
    }
    return lines
  }
}
