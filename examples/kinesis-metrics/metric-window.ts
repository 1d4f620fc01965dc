import type { Reading } from './reading.ts'

interface Cell {
  readonly service: string
  readonly route: string
  readonly minute: number
  requests: number
  errors: number
  latency: { Min: number; Max: number; Sum: number; Count: number }
}

/** A CloudWatch Embedded Metric Format document: a log line CloudWatch turns into metrics. */
export type EmfDocument = Record<string, unknown> & { readonly _aws: object }

const MINUTE_MS = 60_000

/**
 * Aggregates readings per service, route and minute, in the order they are added, and renders each cell as a
 * CloudWatch Embedded Metric Format document (`Requests`, `Errors`, and `Latency` as a statistic set).
 *
 * @example
 * const window = new MetricWindow('Shop')
 * window.add({ service: 'checkout', route: 'POST /orders', status: 201, latencyMs: 42, at: '2025-06-02T09:00:12Z' })
 * window.documents() // [{ _aws: {…}, Service: 'checkout', Route: 'POST /orders', Requests: 1, … }]
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

  add(reading: Reading): void {
    const minute = Math.floor(Date.parse(reading.at) / MINUTE_MS) * MINUTE_MS
    const key = JSON.stringify([reading.service, reading.route, minute])
    let cell = this.#cells.get(key)
    if (cell === undefined) {
      cell = {
        service: reading.service,
        route: reading.route,
        minute,
        requests: 0,
        errors: 0,
        latency: { Min: reading.latencyMs, Max: reading.latencyMs, Sum: 0, Count: 0 },
      }
      this.#cells.set(key, cell)
    }
    cell.requests += 1
    if (reading.status >= 500) cell.errors += 1
    cell.latency.Min = Math.min(cell.latency.Min, reading.latencyMs)
    cell.latency.Max = Math.max(cell.latency.Max, reading.latencyMs)
    cell.latency.Sum += reading.latencyMs
    cell.latency.Count += 1
    this.#added += 1
  }

  documents(): EmfDocument[] {
    return [...this.#cells.values()].map((cell) => ({
      _aws: {
        Timestamp: cell.minute,
        CloudWatchMetrics: [
          {
            Namespace: this.#namespace,
            Dimensions: [['Service', 'Route']],
            Metrics: [
              { Name: 'Requests', Unit: 'Count' },
              { Name: 'Errors', Unit: 'Count' },
              { Name: 'Latency', Unit: 'Milliseconds' },
            ],
          },
        ],
      },
      Service: cell.service,
      Route: cell.route,
      Requests: cell.requests,
      Errors: cell.errors,
      Latency: { ...cell.latency },
    }))
  }
}
