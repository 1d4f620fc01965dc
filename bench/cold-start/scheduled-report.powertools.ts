// scheduled-report on middy with Powertools Logger and parser (EventBridge schema). The config is cached by hand
// with the same TTL (Powertools Parameters has an AppConfig provider, but it calls the AppConfigData API through
// the SDK instead of the extension this example uses). Config loading and the report are the example's own.
import { Logger } from '@aws-lambda-powertools/logger'
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware'
import { parser } from '@aws-lambda-powertools/parser/middleware'
import { EventBridgeSchema } from '@aws-lambda-powertools/parser/schemas/eventbridge'
import middy from '@middy/core'
import type { z } from 'zod'
import { loadReportConfig, type ReportConfig } from '../../examples/scheduled-report/config.ts'
import { buildReport, type Sale } from '../../examples/scheduled-report/report.ts'
import sales from '../../examples/scheduled-report/sales.json' with { type: 'json' }

const logger = new Logger({ serviceName: 'reports' })
const ttlMs = Number(process.env.CONFIG_TTL_MS ?? 300_000)
let config: { value: Promise<ReportConfig>; at: number } | undefined

const currentConfig = () => {
  if (config === undefined || Date.now() - config.at > ttlMs) {
    const value = loadReportConfig()
    value.catch(() => {
      config = undefined
    })
    config = { value, at: Date.now() }
  }
  return config.value
}
currentConfig().catch(() => {}) // prefetch during INIT

export const handler = middy(async (event: z.infer<typeof EventBridgeSchema>) => {
  const report = buildReport(sales as Sale[], await currentConfig(), new Date(event.time))
  logger.info('report ready', { report })
  return report
})
  .use(injectLambdaContext(logger))
  .use(parser({ schema: EventBridgeSchema }))
