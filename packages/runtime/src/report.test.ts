import { describe, expect, it } from 'vitest'
import { platformLines } from './platform-lines.ts'
import { buildReport, formatReportLine } from './report.ts'

const base = { requestId: 'r-1', memorySizeMb: 128, maxMemoryUsedMb: 60 } as const

describe('buildReport', () => {
  it('rounds billed duration up to the next millisecond', () => {
    expect(buildReport({ ...base, durationMs: 12.01, status: 'success' }).billedDurationMs).toBe(13)
    expect(buildReport({ ...base, durationMs: 12, status: 'success' }).billedDurationMs).toBe(12)
  })

  it('bills the init phase on cold starts', () => {
    const report = buildReport({ ...base, durationMs: 10.5, initDurationMs: 150.2, status: 'success' })
    expect(report.billedDurationMs).toBe(161)
  })

  it('estimates cost as requests × request price + GB-s × GB-s price', () => {
    const report = buildReport({ ...base, memorySizeMb: 1024, durationMs: 1000, status: 'success' })
    expect(report.gbSeconds).toBe(1)
    expect(report.costUsd).toBeCloseTo(0.0000002 + 0.0000166667, 12)
    const custom = buildReport(
      { ...base, memorySizeMb: 2048, durationMs: 500, status: 'success' },
      { requestUsd: 0, gbSecondUsd: 1 },
    )
    expect(custom.costUsd).toBe(1)
  })
})

describe('formatReportLine', () => {
  it('prints the CloudWatch fields tab separated, Init Duration only on cold starts', () => {
    const warm = formatReportLine(buildReport({ ...base, durationMs: 1.234, status: 'success' }))
    expect(warm).toBe(
      'REPORT RequestId: r-1\tDuration: 1.23 ms\tBilled Duration: 2 ms\tMemory Size: 128 MB\tMax Memory Used: 60 MB\tEstimated Cost: $0.0000002042',
    )
    const cold = formatReportLine(
      buildReport({ ...base, durationMs: 1, initDurationMs: 99.5, status: 'success' }),
    )
    expect(cold).toContain('\tInit Duration: 99.50 ms\t')
  })

  it('adds Status for timeouts and Status plus Error Type for environment failures, not for thrown errors', () => {
    expect(formatReportLine(buildReport({ ...base, durationMs: 3000, status: 'timeout' }))).toContain(
      '\tStatus: timeout\t',
    )
    expect(formatReportLine(buildReport({ ...base, durationMs: 3, status: 'error' }))).not.toContain('Status')
    const crashed = buildReport({
      ...base,
      durationMs: 0,
      initDurationMs: 120,
      status: 'error',
      errorType: 'Runtime.ImportModuleError',
      errorPhase: 'init',
    })
    expect(formatReportLine(crashed)).toContain('\tStatus: error\tError Type: Runtime.ImportModuleError\t')
    expect(platformLines(crashed).initReport).toBe(
      'INIT_REPORT Init Duration: 120.00 ms\tPhase: init\tStatus: error\tError Type: Runtime.ImportModuleError',
    )
  })
})
