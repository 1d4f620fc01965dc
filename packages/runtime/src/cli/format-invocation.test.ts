import { describe, expect, it } from 'vitest'
import type { InvocationResult } from '../invocation.ts'
import { buildReport } from '../report.ts'
import { formatInvocation, formatResponse, formatResponses } from './format-invocation.ts'
import { memoryWarning } from './memory-warning.ts'
import { createStyle } from './style.ts'

const plain = createStyle(false, {})
const trace = ['TypeError: no id', '    at handler (file:///app/h.mjs:2:9)']
const loggedError =
  '{"timestamp":"2025-01-01T12:00:01.234Z","level":"ERROR","requestId":"r","message":{"errorType":"TypeError","errorMessage":"no id","stackTrace":["TypeError: no id","    at handler (file:///app/h.mjs:2:9)"]}}'

function result(extra: Partial<InvocationResult> = {}, maxMemoryUsedMb = 70): InvocationResult {
  const report = buildReport({
    requestId: 'r',
    durationMs: 2,
    memorySizeMb: 128,
    maxMemoryUsedMb,
    status: 'success',
  })
  return { requestId: 'r', report, logs: [], containerId: 'c1', coldStart: false, concurrency: 1, ...extra }
}

describe('memory over the memory size', () => {
  it('warns after the REPORT line, naming a memory size that fits', () => {
    const lines = formatInvocation(result({}, 150), plain, false)
    expect(lines.at(-2)).toMatch(/^REPORT RequestId: r\t/)
    expect(lines.at(-1)).toBe(
      'warning: Max Memory Used 150 MB is over the 128 MB memory size: on Lambda this invocation would fail with Runtime.OutOfMemory; give the function at least 192 MB',
    )
  })

  it('says nothing up to the memory size', () => {
    expect(memoryWarning(result({}, 128).report)).toBeUndefined()
    expect(formatInvocation(result({}, 128), plain, false).at(-1)).toMatch(/^REPORT /)
  })
})

describe('formatResponse', () => {
  it('leaves out the stack of an error the logs already show, and keeps it otherwise', () => {
    const error = { errorType: 'TypeError', errorMessage: 'no id', trace }
    expect(formatResponse(result({ error, logs: [loggedError] }))).toBe(
      '{"errorType":"TypeError","errorMessage":"no id"}',
    )
    expect(formatResponse(result({ error, logs: [] }))).toContain('"trace":["TypeError: no id"')
    expect(formatResponse(result({ error: { ...error, trace: [] } }))).toBe(
      '{"errorType":"TypeError","errorMessage":"no id"}',
    )
  })

  it('cuts long responses', () => {
    expect(formatResponse(result({ result: 'x'.repeat(50) }), 10)).toBe('"xxxxxxxx…')
  })
})

describe('formatResponses', () => {
  it('shows each distinct response once with its count, in the order they came', () => {
    const failed = result({ error: { errorType: 'TypeError', errorMessage: 'no id', trace: [] } })
    const ok = result({ result: { batchItemFailures: [] } })
    expect(formatResponses([ok, failed, ok, ok], plain)).toEqual([
      'Responses: 4 invocations, 2 distinct',
      '  3× {"batchItemFailures":[]}',
      '  1× {"errorType":"TypeError","errorMessage":"no id"}',
    ])
  })

  it('shows at most `limit` and says how many more there are', () => {
    const results = Array.from({ length: 12 }, (_, index) => result({ result: { index } }))
    const lines = formatResponses(results, plain, 10)
    expect(lines).toHaveLength(12)
    expect(lines.at(-1)).toBe('  … 2 more distinct responses: --json prints every one')
  })
})
