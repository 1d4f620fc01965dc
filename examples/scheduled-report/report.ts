import type { ReportConfig } from './config.ts'

/** One sale as the data source gives it (a warehouse export, a DynamoDB query…). */
export interface Sale {
  readonly orderId: string
  readonly at: string
  readonly cents: number
  readonly currency: string
  readonly refunded: boolean
}

/** What the scheduled run produces and logs. */
export interface Report {
  readonly title: string
  readonly configVersion: string
  readonly from: string
  readonly to: string
  readonly orders: number
  readonly revenueCents: number
  readonly currency: string
  readonly refunds: number
  readonly refundRate: number
  readonly alert: boolean
}

const HOUR_MS = 3_600_000

/**
 * Sums the sales in `[at − windowHours, at)` in the configured currency and flags a refund rate above the
 * configured threshold. Pure: the handler feeds it the data and the config.
 *
 * @example
 * buildReport(sales, config, new Date('2025-06-02T06:00:00Z')).revenueCents
 */
export function buildReport(sales: readonly Sale[], config: ReportConfig, at: Date): Report {
  const to = at.getTime()
  const from = to - config.windowHours * HOUR_MS
  const inWindow = sales.filter((sale) => {
    const time = Date.parse(sale.at)
    return time >= from && time < to && sale.currency === config.currency
  })
  const refunds = inWindow.filter((sale) => sale.refunded).length
  const refundRate = inWindow.length === 0 ? 0 : refunds / inWindow.length
  return {
    title: config.title,
    configVersion: config.version,
    from: new Date(from).toISOString(),
    to: new Date(to).toISOString(),
    orders: inWindow.length,
    revenueCents: inWindow.reduce((sum, sale) => sum + (sale.refunded ? 0 : sale.cents), 0),
    currency: config.currency,
    refunds,
    refundRate: Math.round(refundRate * 10_000) / 10_000,
    alert: refundRate > config.refundAlertRate,
  }
}
