import { lambda } from '@sluice/core'
import { parse, scheduledSchema } from '@sluice/events'
import { awaitInit, cached } from '@sluice/init'
import { logger } from '@sluice/logger'
import type { ScheduledEvent } from 'aws-lambda'
import { loadReportConfig } from './config.ts'
import { buildReport, type Sale } from './report.ts'
import sales from './sales.json' with { type: 'json' }

// Module scope = INIT: the config fetch starts now (prefetch) and is reused by warm invocations until the TTL
// passes; then one refresh runs behind the next call, which still gets the previous value (refresh: background).
const config = cached(() => loadReportConfig(), {
  ttlMs: Number(process.env.CONFIG_TTL_MS ?? 300_000),
  // AppConfig down for a while: keep reporting with the last good config for up to an hour.
  staleIfErrorMs: 3_600_000,
  name: 'report config',
})

/**
 * Runs on an EventBridge schedule: builds the report for the window ending at the schedule's time, with the
 * config fetched at INIT and cached with a TTL, and logs it as one structured line.
 *
 * @example
 * pnpm exec sluice invoke examples/scheduled-report/handler.ts#handler --event examples/scheduled-report/event.json --env CONFIG_FILE=report-config.json
 */
export const handler = lambda<ScheduledEvent>()
  .use(logger({ service: 'reports' }))
  .use(parse(scheduledSchema))
  .use(awaitInit({ caches: { config } }))
  .handler(async (event, context) => {
    // The sample data stands in for the query a real report runs (DynamoDB, Athena, a warehouse).
    const report = buildReport(sales as Sale[], context.init.config, new Date(event.time))
    const { initMs, waitedMs, fetches } = context.initTimings
    context.log.info(
      { report, rule: event.resources[0], config: { lastFetch: fetches.config, initMs, waitedMs } },
      report.alert ? 'report ready: refund rate above threshold' : 'report ready',
    )
    return report
  })
