import { readFile } from 'node:fs/promises'
import { SluiceError } from '@sluice/core'
import * as z from 'zod'

/** What the report needs to know; kept outside the code so it can change without a deploy. */
export const reportConfigSchema = z.object({
  version: z.string().min(1),
  title: z.string().min(1),
  /** How far back from the schedule's time the report looks. */
  windowHours: z.number().int().min(1).max(168),
  currency: z.enum(['EUR', 'USD', 'GBP']),
  /** Flag the report when refunds exceed this share of orders. */
  refundAlertRate: z.number().min(0).max(1),
})

/** The report's configuration, as validated. */
export type ReportConfig = z.output<typeof reportConfigSchema>

const invalid = (where: string, cause: unknown) =>
  new SluiceError(
    `The report config from ${where} is not valid: fix it there (see config.ts for the shape)`,
    {
      code: 'REPORT_CONFIG_INVALID',
      cause,
    },
  )

/**
 * Reads the config: from `CONFIG_URL` (in Lambda, the AppConfig agent extension on localhost:2772), else from
 * `CONFIG_FILE` (a local run). Called by `cached()`, so at most once per TTL per container.
 *
 * @example
 * const config = await loadReportConfig() // { version, title, windowHours, currency, refundAlertRate }
 */
export async function loadReportConfig(env: NodeJS.ProcessEnv = process.env): Promise<ReportConfig> {
  const url = env.CONFIG_URL
  const file = env.CONFIG_FILE
  let raw: unknown
  if (url) {
    // Bounded: a config source that hangs must not eat the whole invocation.
    const response = await fetch(url, { signal: AbortSignal.timeout(2_000) })
    if (!response.ok) throw new Error(`GET ${url} answered ${response.status}`)
    raw = await response.json()
  } else if (file) {
    raw = JSON.parse(await readFile(file, 'utf8'))
  } else {
    throw new SluiceError('No report config source: set CONFIG_URL (AppConfig agent) or CONFIG_FILE', {
      code: 'REPORT_CONFIG_MISSING',
    })
  }
  const parsed = reportConfigSchema.safeParse(raw)
  if (!parsed.success) throw invalid(url ?? file ?? '?', parsed.error)
  return parsed.data
}
